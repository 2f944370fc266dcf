import { describe, expect, it } from 'vitest';
import { renderMarkdownForTerminal } from '../../src/ui/terminal-markdown.js';

const plain = (text: string) => text.replace(/\u001B\[[0-9;]*m/g, '');

describe('the plan formatted for the terminal (issue 13 item 4)', () => {
  it('shows formatting, not Markdown source, also inside tight list items, with one checkbox per task', async () => {
    const text = plain(await renderMarkdownForTerminal('## Steps\n\n- **bold** item\n- [ ] a task\n', 60));
    expect(text).not.toMatch(/\*\*|##/);
    expect(text).toContain('bold item');
    expect(text.match(/\[ \]/g)).toHaveLength(1);
  });

  it('keeps every line within the width; a wide table becomes one labelled line per row', async () => {
    const table = '| Rank | Anti-pattern | Confidence |\n| ---: | --- | ---: |\n| 1 | A cause with a rather long name indeed | 88% |\n';
    const text = plain(await renderMarkdownForTerminal(`${table}\n- ${'word '.repeat(40)}\n`, 40));
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(text).toContain('• 1 — Anti-pattern: A cause');
    expect(text).not.toContain('│');
  });
});
