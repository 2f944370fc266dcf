import { wrapWords } from './wrap-words.js';

/** How many terminal lines a paragraph takes when wrapped at `width` columns, as `Paragraph` wraps it. */
export function wrappedLines(text: string, width: number): number {
  return wrapWords(text, Math.max(10, width)).length;
}

/**
 * The leading items that fit in `budget` lines (one line is kept for "… n more" when not all
 * fit), so a box never grows past the terminal; Ink has no reliable clipping for wrapped text.
 */
export function fitLines(items: readonly string[], width: number, budget: number): { shown: string[]; hidden: number } {
  const shown: string[] = [];
  let used = 0;
  for (const [position, item] of items.entries()) {
    const lines = wrappedLines(item, width);
    const reserve = position < items.length - 1 ? 1 : 0;
    if (used + lines + reserve > budget) return { shown, hidden: items.length - shown.length };
    shown.push(item);
    used += lines;
  }
  return { shown, hidden: 0 };
}

/** One line of at most `width` characters, with an ellipsis when something was cut. */
export function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(1, width - 1))}…` : text;
}
