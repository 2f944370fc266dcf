import { Marked } from 'marked';
import { escapeHtml } from './html-escape.js';
import { breakLongTokens } from './long-tokens.js';

/**
 * Markdown to HTML for a page that is mailed, archived and printed: anything that would
 * reach out (links, images) or run (HTML in the source) is shown as text instead.
 */
const markedForPages = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link({ tokens }) {
      return this.parser.parseInline(tokens);
    },
    image: ({ text }) => escapeHtml(text),
    tablecell(token) {
      const type = token.header ? 'th' : 'td';
      const open = token.align ? `<${type} align="${token.align}">` : `<${type}>`;
      return `${open}${breakLongTokens(this.parser.parseInline(token.tokens))}</${type}>\n`;
    },
  },
});

const style = `
:root { color-scheme: light; --ink: #1d2127; --muted: #5b6472; --rule: #d4d8de; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2.25rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.08rem; margin: 1.75rem 0 0.5rem; color: var(--accent); }
p, ul, ol, blockquote, table { margin: 0 0 0.9rem; }
ul, ol { padding-left: 1.4rem; }
li { margin: 0.15rem 0; }
li > input[type="checkbox"] { margin: 0 0.45rem 0 0; vertical-align: -0.1em; }
ul:has(> li > input[type="checkbox"]) { list-style: none; padding-left: 0.4rem; }
table { width: 100%; border-collapse: collapse; font-size: 0.93rem; }
th, td { border: 1px solid var(--rule); padding: 0.35rem 0.55rem; text-align: left; vertical-align: top; overflow-wrap: break-word; word-break: normal; hyphens: manual; }
/* A matrix of teams by anti-pattern has many columns: smaller type, and titles standing upright, so whole words fit across a page. */
table:has(> thead > tr > th:nth-child(8)) { font-size: 0.82rem; }
table:has(> thead > tr > th:nth-child(8)) :is(th, td) { padding: 0.3rem 0.4rem; }
table:has(> thead > tr > th:nth-child(8)) th:not(:first-child) { writing-mode: vertical-rl; transform: rotate(180deg); height: 12rem; vertical-align: bottom; }
th { background: #f2f4f7; }
blockquote { margin-left: 0; padding: 0.25rem 1rem; border-left: 4px solid var(--rule); color: var(--muted); }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
pre { background: #f6f8fa; padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.85rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h1, h2, h3, p:has(> strong:only-child) { break-after: avoid; page-break-after: avoid; }
  h2 { break-before: auto; }
  table, tr, li, blockquote, pre { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  p { orphans: 3; widows: 3; }
  h3 { color: var(--ink); }
}
`;

/**
 * One self-contained HTML page from Markdown: inline CSS, no script, no fonts or images to
 * fetch, and a Content-Security-Policy that would block them if any slipped in.
 */
export function htmlPage(title: string, markdown: string): string {
  const body = markedForPages.parse(markdown) as string;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="deploy-doctor">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<main>
${body.trimEnd()}
<footer>Made with deploy-doctor.</footer>
</main>
</body>
</html>
`;
}
