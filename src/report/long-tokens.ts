/** Longer than any English word a report uses: a run this long is a URL, a path or an id. */
const longToken = /(?:&[#a-z0-9]+;|[^\s<&])(?:&[#a-z0-9]+;|[^\s<&]){23,}/gi;
/** A character (or escaped character) of such a run. */
const atom = /&[#a-z0-9]+;|[^&]/gi;
/** Where a URL or an id reads naturally when cut: after its separators. */
const separator = /^(?:[/._\-?=:#]|&amp;)$/;
/** Without separators, a run may break every this many characters. */
const chunk = 16;

/**
 * Lets a long unbroken run in table-cell HTML wrap: a break opportunity (<wbr>) after its
 * separators, or every few characters when it has none. A table column is then never wider than
 * its longest word, so cells wrap between words while a URL or step id still fits a printed page.
 * Tags and character references are left whole.
 */
export function breakLongTokens(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : part.replace(longToken, softBreaks)))
    .join('');
}

function softBreaks(token: string): string {
  let result = '';
  let sinceBreak = 0;
  const atoms = token.match(atom) ?? [];
  atoms.forEach((character, position) => {
    result += character;
    sinceBreak++;
    const last = position === atoms.length - 1;
    if (!last && (separator.test(character) || sinceBreak >= chunk)) {
      result += '<wbr>';
      sinceBreak = 0;
    }
  });
  return result;
}
