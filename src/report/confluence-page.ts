import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './html-escape.js';

/** The namespaces Confluence itself uses for its storage format's macro and resource elements. */
export const confluenceNamespaces = {
  ac: 'http://atlassian.com/content',
  ri: 'http://atlassian.com/resource/identifier',
} as const;

type Summary = Tokens.Paragraph & { summary?: boolean };

const statusColours: Record<string, string> = { critical: 'Red', high: 'Red', medium: 'Yellow', low: 'Green' };
const riskAtEnd = /^(.*), (critical|high|medium|low) risk\)$/;

const parameter = (name: string, value: string) => `<ac:parameter ac:name="${name}">${escapeHtml(value)}</ac:parameter>`;

/** A coloured status lozenge: how Confluence readers expect risk to be shown. */
export function statusMacro(risk: string): string {
  return `<ac:structured-macro ac:name="status">${parameter('colour', statusColours[risk] ?? 'Grey')}${parameter('title', `${risk} risk`)}</ac:structured-macro>`;
}

const panel = (kind: 'info' | 'note', body: string) => `<ac:structured-macro ac:name="${kind}"><ac:rich-text-body>${body}</ac:rich-text-body></ac:structured-macro>`;

/** CDATA cannot contain "]]>"; split it across two sections. */
const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/**
 * Markdown to Confluence storage format (XHTML with Confluence's own elements): task lists
 * become Confluence tasks, "high risk" becomes a status macro, the summary under the title an
 * info panel. One marked instance per page, because task ids count up through the page.
 */
function confluenceMarked(): Marked {
  let taskId = 0;
  return new Marked({
    gfm: true,
    async: false,
    renderer: {
      heading({ tokens, depth }) {
        const text = this.parser.parseInline(tokens);
        const risk = riskAtEnd.exec(text);
        if (risk) return `<h${depth}>${risk[1]}) ${statusMacro(risk[2]!)}</h${depth}>\n`;
        return `<h${depth}>${text}</h${depth}>\n`;
      },
      paragraph(token) {
        const body = `<p>${this.parser.parseInline(token.tokens)}</p>`;
        return (token as Summary).summary ? `${panel('info', body)}\n` : `${body}\n`;
      },
      list(token) {
        if (token.items.some((item) => item.task)) {
          const tasks = token.items.map((item) => {
            taskId += 1;
            const body = this.parser.parse(item.tokens).trim();
            return `<ac:task><ac:task-id>${taskId}</ac:task-id><ac:task-status>${item.checked ? 'complete' : 'incomplete'}</ac:task-status><ac:task-body>${body}</ac:task-body></ac:task>`;
          });
          return `<ac:task-list>\n${tasks.join('\n')}\n</ac:task-list>\n`;
        }
        const tag = token.ordered ? 'ol' : 'ul';
        const items = token.items.map((item) => `<li>${this.parser.parse(item.tokens).trim()}</li>`);
        return `<${tag}>\n${items.join('\n')}\n</${tag}>\n`;
      },
      table(token) {
        const headers = token.header.map((cell) => this.parser.parseInline(cell.tokens));
        const riskColumn = token.header.findIndex((cell) => cell.text === 'Risk');
        const rows = token.rows.map(
          (cells) =>
            `<tr>${cells
              .map((cell, column) => {
                const text = this.parser.parseInline(cell.tokens);
                return `<td>${column === riskColumn && text in statusColours ? statusMacro(text) : text}</td>`;
              })
              .join('')}</tr>`,
        );
        return `<table><tbody>\n<tr>${headers.map((text) => `<th>${text}</th>`).join('')}</tr>\n${rows.join('\n')}\n</tbody></table>\n`;
      },
      blockquote({ tokens }) {
        return `${panel('note', this.parser.parse(tokens))}\n`;
      },
      code: ({ text, lang }) =>
        `<ac:structured-macro ac:name="code">${lang ? parameter('language', lang) : ''}<ac:plain-text-body>${cdata(text)}</ac:plain-text-body></ac:structured-macro>\n`,
      hr: () => '<hr/>\n',
      br: () => '<br/>',
      checkbox: () => '',
      html: ({ text }) => escapeHtml(text),
      link({ tokens }) {
        return this.parser.parseInline(tokens);
      },
      image: ({ text }) => escapeHtml(text),
    },
  });
}

/**
 * A whole page in Confluence storage format, ready for the REST API's `storage` representation or
 * an import. It is one `ac:layout` element that declares the `ac` and `ri` namespaces, so it is
 * also well-formed XML that any XML tool can check.
 */
export function confluencePage(markdown: string): string {
  const marked = confluenceMarked();
  const tokens = marked.lexer(markdown);
  // The summary is the first paragraph after the page title.
  const blocks = tokens.filter((token) => token.type !== 'space');
  const title = blocks.findIndex((token) => token.type === 'heading' && token.depth === 1);
  const summary = blocks[title + 1];
  if (title >= 0 && summary?.type === 'paragraph') (summary as Summary).summary = true;
  const body = (marked.parser(tokens) as string).trimEnd();
  return `<ac:layout xmlns:ac="${confluenceNamespaces.ac}" xmlns:ri="${confluenceNamespaces.ri}">
<ac:layout-section ac:type="single">
<ac:layout-cell>
${body}
</ac:layout-cell>
</ac:layout-section>
</ac:layout>
`;
}
