import type { Token, Tokens } from 'marked';

/** Every token in the tree: block tokens, inline tokens, list items, table cells. */
export function allTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  const visit = (token: Token) => {
    out.push(token);
    const withChildren = token as { tokens?: Token[]; items?: Token[]; header?: { tokens: Token[] }[]; rows?: { tokens: Token[] }[][] };
    withChildren.tokens?.forEach(visit);
    withChildren.items?.forEach(visit);
    withChildren.header?.forEach((cell) => cell.tokens.forEach(visit));
    withChildren.rows?.forEach((row) => row.forEach((cell) => cell.tokens.forEach(visit)));
  };
  tokens.forEach(visit);
  return out;
}

const decode = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** What a reader sees: the text of the leaves, with entities decoded. */
export function plainText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      // A hard line break is where the user's text had one.
      if (token.type === 'br') return '\n';
      const children = (token as { tokens?: Token[] }).tokens;
      if (children && children.length > 0) return plainText(children);
      return 'text' in token && typeof token.text === 'string' ? decode(token.text) : '';
    })
    .join('');
}

export const headings = (tokens: readonly Token[]) => tokens.filter((token): token is Tokens.Heading => token.type === 'heading');

/** The block tokens between an h2 and the next h1 or h2. */
export function section(tokens: readonly Token[], title: string): Token[] {
  const start = tokens.findIndex((token) => token.type === 'heading' && token.depth === 2 && plainText(token.tokens) === title);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = tokens.findIndex((token, i) => i > start && token.type === 'heading' && token.depth <= 2);
  return tokens.slice(start + 1, end < 0 ? undefined : end);
}
