import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Paragraph } from '../../src/ui/components/Paragraph.js';
import { wrapWords } from '../../src/ui/wrap-words.js';

// Issue 13 item 8: Ink's own wrapping kept the space it broke at, so wrapped lines began with a
// stray space, and the continuation of a list item started under its marker.
describe('wrapped text', () => {
  const text = 'Deploying feels dangerous, so the team deploys less often and each release grows riskier.';

  it('no wrapped line starts or ends with a space, and none is wider than asked', () => {
    for (const width of [10, 17, 23, 40]) {
      const lines = wrapWords(text, width);
      expect(lines.join(' ')).toBe(text);
      for (const line of lines) {
        expect(line).not.toMatch(/^ | $/);
        expect(line.length).toBeLessThanOrEqual(width);
      }
    }
  });

  it('cuts a word only when it is longer than a line', () => {
    expect(wrapWords('a supercalifragilistic word', 8)).toEqual(['a', 'supercal', 'ifragili', 'stic', 'word']);
  });

  it('keeps the line breaks that are in the text', () => {
    expect(wrapWords('one\ntwo three', 20)).toEqual(['one', 'two three']);
  });

  it('a list item continues under its text, not under its marker', () => {
    const { lastFrame } = render(<Paragraph marker="- " text={text} width={30} />);
    const lines = lastFrame()!.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[0]).toMatch(/^- Deploying/);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S/);
  });
});
