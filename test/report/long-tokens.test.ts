import { describe, expect, it } from 'vitest';
import { breakLongTokens } from '../../src/report/long-tokens.js';

describe('long runs in table cells get break opportunities (the browser test checks the layout)', () => {
  it('breaks a URL after its separators and leaves ordinary words alone', () => {
    expect(breakLongTokens('see https://example.com/a-b?c=d now')).toBe('see https:<wbr>/<wbr>/<wbr>example.<wbr>com/<wbr>a-<wbr>b?<wbr>c=<wbr>d now');
    expect(breakLongTokens('Pipeline definitions not in version control')).toBe('Pipeline definitions not in version control');
  });

  it('never cuts a character reference or a tag, and breaks a run without separators every 16 characters', () => {
    const escaped = breakLongTokens('<strong>teams&amp;platforms&lt;reliability&gt;delivery</strong>');
    expect(escaped.replace(/<wbr>/g, '')).toBe('<strong>teams&amp;platforms&lt;reliability&gt;delivery</strong>');
    expect(escaped).toMatch(/&amp;<wbr>/);
    expect(escaped).not.toMatch(/&[a-z]*<wbr>[a-z]*;/);
    expect(breakLongTokens('x'.repeat(40))).toBe(`${'x'.repeat(16)}<wbr>${'x'.repeat(16)}<wbr>${'x'.repeat(8)}`);
  });
});
