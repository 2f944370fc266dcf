/** Renders report Markdown for the terminal; imported lazily because marked-terminal is slow to load. */
export async function renderMarkdownForTerminal(markdown: string, width: number): Promise<string> {
  const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
  const marked = new Marked(markedTerminal({ width, reflowText: true, tab: 2 }) as never);
  return (await marked.parse(markdown)).trimEnd();
}
