/**
 * Text from outside the document (team names, notes, knowledge packs) must stay
 * text: no emphasis, links, HTML, headings or table breaks sneaking in.
 */
export function inline(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]#|~!]/g, (character) => `\\${character}`)
    // GFM turns bare web and e-mail addresses into links; an escaped ":", "." or "@" keeps them text.
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@')
    .trim();
}

/** Multi-line free text as a block quote, each line escaped so it cannot start a list or heading. */
export function quoted(text: string): string {
  return text
    .split(/\r?\n|\r/)
    .map((line) => {
      const escaped = inline(line).replace(/^([-+=]|\d+[.)])/, '\\$1');
      return escaped === '' ? '>' : `> ${escaped}`;
    })
    .join('\n');
}

export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** A table row; cells are already escaped, so "|" inside them cannot split the row. */
export function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Early in an interview the app shows a word, not a precise-looking number. */
export { confidenceWord } from '../engine/calibration.js';
