import { Box, Text, type TextProps } from 'ink';
import { wrapWords } from '../wrap-words.js';

type Props = Omit<TextProps, 'children' | 'wrap'> & {
  text: string;
  width: number;
  /** A list marker ("- ", "[ ] "): continuation lines are indented to line up after it. */
  marker?: string;
};

/** Text wrapped at word boundaries to a known width, one Ink line per terminal line. */
export function Paragraph({ text, width, marker = '', ...style }: Props) {
  const indent = ' '.repeat([...marker].length);
  const lines = wrapWords(text, Math.max(1, width - indent.length));
  return (
    <Box flexDirection="column">
      {lines.map((line, position) => (
        <Text key={position} wrap="truncate-end" {...style}>
          {position === 0 ? marker : indent}
          {line}
        </Text>
      ))}
    </Box>
  );
}

/** The number of lines a Paragraph with these props takes. */
export function paragraphHeight(text: string, width: number, marker = ''): number {
  return wrapWords(text, Math.max(1, width - [...marker].length)).length;
}
