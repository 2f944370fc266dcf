import { Text } from 'ink';
import { useColor } from '../color.js';

/**
 * Text with the words that made a search match stand out, so people see why a symptom is listed.
 * Words compare in lower case and without apostrophes, as the search reads them.
 */
export function HighlightedText({ text, words }: { text: string; words?: readonly string[] }) {
  const color = useColor();
  if (!words || words.length === 0) return <Text>{text}</Text>;
  const wanted = new Set(words);
  const parts = text.split(/([\p{L}\p{N}]+(?:['’][\p{L}]+)*)/u);
  return (
    <Text>
      {parts.map((part, position) =>
        position % 2 === 1 && wanted.has(part.toLowerCase().replace(/['’]/g, '')) ? (
          <Text key={position} underline color={color('yellow')}>
            {part}
          </Text>
        ) : (
          part
        ),
      )}
    </Text>
  );
}
