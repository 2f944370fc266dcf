/**
 * Greedy word wrap to `width` columns. Ink's own wrapping keeps the space it breaks at, so every
 * wrapped line started with a stray space; this breaks at spaces and drops them, and cuts a word
 * only when it is longer than a whole line. Characters count as one column each, which holds for
 * the knowledge's text and is close enough for names typed by people.
 */
export function wrapWords(text: string, width: number): string[] {
  const columns = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      let rest = [...word];
      if (line !== '' && [...line].length + 1 + rest.length <= columns) {
        line += ` ${word}`;
        continue;
      }
      if (line !== '') lines.push(line);
      while (rest.length > columns) {
        lines.push(rest.slice(0, columns).join(''));
        rest = rest.slice(columns);
      }
      line = rest.join('');
    }
    lines.push(line);
  }
  return lines;
}
