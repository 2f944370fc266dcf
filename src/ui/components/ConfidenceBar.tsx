import { Text } from 'ink';
import { confidenceWord, percent } from '../../report/markdown-text.js';
import { useColor } from '../color.js';

/** `words`: early in an interview, say "likely" or "possible" rather than a precise-looking percentage. */
export function ConfidenceBar({ confidence, width = 10, words = false }: { confidence: number; width?: number; words?: boolean }) {
  const color = useColor();
  const filled = Math.round(confidence * width);
  const tone = confidence >= 0.8 ? 'red' : confidence >= 0.5 ? 'yellow' : 'gray';
  return (
    <Text>
      <Text color={color(tone)}>{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(width - filled)}</Text> {words ? confidenceWord(confidence).padEnd(8) : percent(confidence).padStart(4)}
    </Text>
  );
}
