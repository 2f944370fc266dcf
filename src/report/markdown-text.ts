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

/**
 * Multi-line free text as a block quote, each line escaped so it cannot start a list or heading
 * (the list marker's punctuation is escaped: "1\\." stays "1.", where "\\1." would show a backslash).
 * Line breaks are kept as hard breaks (a trailing backslash) instead of being joined into one line.
 */
export function quoted(text: string): string {
  const lines = text.split(/\r?\n|\r/).map((line) => inline(line).replace(/^[-+=]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2'));
  return lines
    .map((line, position) => {
      if (line === '') return '>';
      const breakAfter = (lines[position + 1] ?? '') !== '';
      return `> ${line}${breakAfter ? '\\' : ''}`;
    })
    .join('\n');
}

export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/**
 * A table row of already escaped cells. GitHub honours an escaped "\|" in a cell but several wiki
 * importers split on it anyway, so a pipe from the text is shown as a broken bar instead.
 */
export function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\\\|/g, '¦')).join(' | ')} |`;
}

/** Early in an interview the app shows a word, not a precise-looking number. */
export { confidenceWord } from '../engine/calibration.js';
