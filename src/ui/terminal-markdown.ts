import type { Tokens } from 'marked';
import wrapAnsi from 'wrap-ansi';

/**
 * Renders report Markdown for the terminal, every line at most `width` columns (so the preview can
 * count its lines). Loaded on first use because marked-terminal is slow to load.
 */
export async function renderMarkdownForTerminal(markdown: string, width: number): Promise<string> {
  const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
  const marked = new Marked(markedTerminal({ width, reflowText: true, tab: 2, showSectionPrefix: false }) as never);
  marked.use({
    renderer: {
      // marked-terminal prints the inline tokens of a tight list item as source ("**bold**"); format them.
      text(token: Tokens.Text | Tokens.Escape) {
        return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
      },
      // marked now puts a task's checkbox in the item itself; marked-terminal would add a second one.
      listitem(item: Tokens.ListItem) {
        item.task = false;
        return false;
      },
      // A table wider than the window would be cut mid-row; there each row becomes one labelled line.
      table(token: Tokens.Table) {
        const columns = token.header.map((cell, column) => Math.max(cell.text.length, ...token.rows.map((row) => row[column]?.text.length ?? 0)));
        if (columns.reduce((total, size) => total + size + 3, 1) <= width) return false;
        const lines = token.rows.map((row) => {
          const [first, ...rest] = row.map((cell) => this.parser.parseInline(cell.tokens));
          const labelled = rest.map((cell, column) => `${token.header[column + 1]!.text}: ${cell}`).join('; ');
          return `  • ${first ?? ''}${labelled ? ` — ${labelled}` : ''}`;
        });
        return `${lines.join('\n')}\n\n`;
      },
    },
  });
  const rendered = (await marked.parse(markdown)).trimEnd().replace(/\[( |X)\] +\[( |X)\] /g, '[$1] ');
  return rendered.split('\n').map((line) => wrapIndented(line, width)).join('\n');
}

/** Wraps one rendered line; continuation lines of a list item or quote line up after its marker. */
function wrapIndented(line: string, width: number): string {
  const plain = line.replace(/\u001B\[[0-9;]*m/g, '');
  if (plain.length <= width) return line;
  const indent = /^ *(?:(?:[*•-]|\d+\.|\[[ X]\]) +)*/.exec(plain)![0].length;
  const room = indent < width / 2 ? indent : 0;
  const [first = '', ...rest] = wrapAnsi(line, width - room, { hard: true, trim: false }).split('\n');
  return [first, ...rest.map((part) => ' '.repeat(room) + part.replace(/^ +/, ''))].join('\n');
}
