import { Text, type TextProps } from 'ink';
import { wrapWords } from '../wrap-words.js';

type Props = Omit<TextProps, 'children' | 'wrap'> & {
  text: string;
  width: number;
  /** A list marker ("- ", "[ ] "): continuation lines are indented to line up after it. */
  marker?: string;
};

/**
 * Text wrapped at word boundaries to a known width. It is one Ink text node (one per line costs
 * several times more to render on every keystroke); the lines already fit, so Ink wraps nothing.
 */
export function Paragraph({ text, width, marker = '', ...style }: Props) {
  const indent = ' '.repeat([...marker].length);
  const lines = wrapWords(text, Math.max(1, width - indent.length));
  return <Text {...style}>{lines.map((line, position) => (position === 0 ? marker : indent) + line).join('\n')}</Text>;
}

/** The number of lines a Paragraph with these props takes. */
export function paragraphHeight(text: string, width: number, marker = ''): number {
  return wrapWords(text, Math.max(1, width - [...marker].length)).length;
}
