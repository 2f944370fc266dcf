import { Text } from 'ink';
import { percent } from '../../report/markdown-text.js';
import { useColor } from '../color.js';

export function ConfidenceBar({ confidence, width = 10 }: { confidence: number; width?: number }) {
  const color = useColor();
  const filled = Math.round(confidence * width);
  const tone = confidence >= 0.8 ? 'red' : confidence >= 0.5 ? 'yellow' : 'gray';
  return (
    <Text>
      <Text color={color(tone)}>{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(width - filled)}</Text> {percent(confidence).padStart(4)}
    </Text>
  );
}
