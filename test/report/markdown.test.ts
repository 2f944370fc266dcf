import fc from 'fast-check';
import { marked, type Token, type Tokens } from 'marked';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { sessionSchema, type Session } from '../../src/engine/session-schema.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { bundledIndex } from '../support/bundled-knowledge.js';
import { answeredSession } from '../support/sample-session.js';
import { allTokens, headings, plainText, section } from '../support/markdown-tokens.js';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await bundledIndex();
});
afterEach(() => {
  vi.useRealTimers();
});

const baseSession = answeredSession;

const session = (overrides: Partial<Record<keyof Session, unknown>> = {}): Session => sessionSchema.parse({ ...baseSession, ...overrides });
const render = (value: Session) => renderMarkdownReport(diagnose(index, value), index);

const sections = [
  'Symptoms reported',
  'Ranked causes',
  'Fix plan',
  'Timeline',
  'Week 1',
  'Metrics',
  'Questions for the retrospective',
  'Appendix: answers',
];

describe('structure', () => {
  it('has exactly one h1, naming the team and the date', () => {
    const tokens = marked.lexer(render(session()));
    const h1 = headings(tokens).filter((heading) => heading.depth === 1);
    expect(h1).toHaveLength(1);
    expect(plainText(h1[0]!.tokens)).toContain('Payments Platform');
    expect(plainText(h1[0]!.tokens)).toContain('2024-03-05');
    expect(tokens[0]).toBe(h1[0]);
  });

  it('has the h2 sections in order, with Notes last when there are notes', () => {
    const h2 = (value: Session) =>
      headings(marked.lexer(render(value)))
        .filter((heading) => heading.depth === 2)
        .map((heading) => plainText(heading.tokens));
    expect(h2(session())).toEqual([...sections, 'Notes']);
    expect(h2(session({ notes: undefined }))).toEqual(sections);
  });

  it('ranks causes in a GFM table: Rank, Anti-pattern, Confidence, Risk, Symptoms explained', () => {
    const value = session();
    const diagnosis = diagnose(index, value);
    const tokens = marked.lexer(renderMarkdownReport(diagnosis, index));
    const table = section(tokens, 'Ranked causes').find((token): token is Tokens.Table => token.type === 'table');
    expect(table).toBeDefined();
    expect(table!.header.map((cell) => cell.text)).toEqual(['Rank', 'Anti-pattern', 'Confidence', 'Risk', 'Symptoms explained']);
    expect(table!.rows).toHaveLength(diagnosis.ranking.length);
    table!.rows.forEach((row, position) => {
      const cause = diagnosis.ranking[position]!;
      expect(row).toHaveLength(5);
      expect(plainText(row[0]!.tokens)).toBe(String(position + 1));
      expect(plainText(row[1]!.tokens)).toBe(cause.title);
      expect(plainText(row[2]!.tokens)).toBe(`${Math.round(cause.confidence * 100)}%`);
      expect(plainText(row[3]!.tokens)).toBe(cause.risk);
    });
  });

  it('lists fix-step actions as unchecked task items, and week 1 as a checklist too', () => {
    const diagnosis = diagnose(index, session());
    const tokens = marked.lexer(renderMarkdownReport(diagnosis, index));
    const taskItems = (blocks: Token[]) =>
      allTokens(blocks).filter((token): token is Tokens.ListItem => token.type === 'list_item' && (token as Tokens.ListItem).task);

    const fixTasks = taskItems(section(tokens, 'Fix plan'));
    const actions = diagnosis.plan.items.flatMap((item) => item.steps.filter((step) => step.duplicateOf === null).flatMap((step) => step.actions));
    expect(fixTasks.length).toBeGreaterThan(0);
    expect(fixTasks).toHaveLength(actions.length);
    for (const task of fixTasks) expect(task.checked).toBe(false);

    const weekOneTasks = taskItems(section(tokens, 'Week 1'));
    expect(weekOneTasks).toHaveLength(diagnosis.plan.weekOne.flatMap((step) => step.actions).length);
    expect(weekOneTasks.length).toBeGreaterThan(0);
  });

  it('a guard metric reads "should hold steady", and DORA names the fourth key failed deployment recovery time', () => {
    // A team whose change board the answers confirm, so its plan (and its guard metric) is in the report.
    const text = render(session({ symptoms: ['change-management-overhead'], answers: { 'change-board-approval': 'yes', 'change-board-meeting-wait': 'yes', 'same-approval-any-risk': 'yes' } }));
    const cabSection = text.slice(text.search(/### \d+\. Change advisory board gates/));
    expect(cabSection).toMatch(/\*\*Change failure rate\*\*: should hold steady, target: no higher than before/);
    expect(render(session())).toContain('(DORA: failed deployment recovery time)');
    expect(text).not.toMatch(/should hold\b(?! steady)/);
  });

  it('shared work is written out once; later copies point back at it, and a waiting step says what it waits for', () => {
    const diagnosis = diagnose(index, session());
    const text = renderMarkdownReport(diagnosis, index);
    const copies = diagnosis.plan.items.flatMap((item) => item.steps).filter((step) => step.duplicateOf !== null);
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const line = text.split('\n').find((candidate) => candidate.startsWith(`**${copy.title}**: the same work as step`));
      expect(line, copy.id).toBeDefined();
      const original = diagnosis.plan.items.flatMap((item) => item.steps).find((step) => step.id === copy.duplicateOf)!;
      expect(line).toContain(`"${original.title}"`);
      // "above": the full listing comes earlier in the document than the pointer.
      expect(text.indexOf(`: ${original.title}**`)).toBeLessThan(text.indexOf(line!));
    }
    expect(text).toMatch(/\*Starts once step "Make deployment a single command anyone can run" \(Weeks? [\d-]+\) under 1\. Manual deployments is done\.\*/);
  });

  it('has one h3 per plan item, in plan order', () => {
    const diagnosis = diagnose(index, session());
    const h3 = headings(section(marked.lexer(renderMarkdownReport(diagnosis, index)), 'Fix plan')).filter((heading) => heading.depth === 3);
    expect(h3.map((heading) => plainText(heading.tokens).replace(/ \(.*$/, ''))).toEqual(
      diagnosis.plan.items.map((item, position) => `${position + 1}. ${item.title}`),
    );
  });

  it('lists the answers in the appendix table', () => {
    const tokens = marked.lexer(render(session()));
    const table = section(tokens, 'Appendix: answers').find((token): token is Tokens.Table => token.type === 'table')!;
    // In the interview's order, which is the order of the answers file (issue 13 item 17).
    const answers = Object.entries(session().answers);
    expect(table.rows.map((row) => plainText(row[1]!.tokens))).toEqual(answers.map(([, answer]) => answer));
    expect(table.rows.map((row) => plainText(row[0]!.tokens))).toEqual(answers.map(([id]) => index.questions.get(id)!.text));
    expect(answers.map(([id]) => id)).not.toEqual(answers.map(([id]) => id).sort());
  });
});

describe('determinism', () => {
  it('renders byte-identical output for the same session twice', () => {
    const first = render(session());
    const second = render(session());
    expect(second).toBe(first);
    expect(first.endsWith('\n')).toBe(true);
    expect(first.endsWith('\n\n')).toBe(false);
  });

  it('takes the date from the session, never from the clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-07-09T12:00:00Z'));
    const in2031 = render(session());
    vi.setSystemTime(new Date('1999-12-31T23:59:00Z'));
    const in1999 = render(session());
    expect(in1999).toBe(in2031);
    expect(in2031).toContain('2024-03-05');
    expect(in2031).not.toMatch(/2031|1999/);

    const undated = render(session({ date: undefined }));
    const h1 = headings(marked.lexer(undated)).find((heading) => heading.depth === 1)!;
    expect(plainText(h1.tokens)).toBe('Deployment diagnosis for Payments Platform');
    expect(undated).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('user text stays text', () => {
  const hostileTeam = '<script>alert(1)</script> | **x** [y](z)';
  const hostileNotes = '# heading\n- item\n<b>';

  function shape(markdown: string) {
    const tokens = marked.lexer(markdown);
    const every = allTokens(tokens);
    const count = (type: string) => every.filter((token) => token.type === type).length;
    const ranked = section(tokens, 'Ranked causes').find((token): token is Tokens.Table => token.type === 'table')!;
    return {
      tokens,
      every,
      headings: headings(tokens).map((heading) => heading.depth),
      html: count('html'),
      links: count('link'),
      strong: count('strong'),
      em: count('em'),
      lists: count('list'),
      codespans: count('codespan'),
      tableShape: [ranked.header.length, ranked.rows.length, ...ranked.rows.map((row) => row.length)],
    };
  }

  it('a hostile team name and notes create no HTML, headings, links, emphasis or broken tables', () => {
    const benign = shape(render(session({ team: 'Team', notes: 'plain' })));
    const hostile = shape(render(session({ team: hostileTeam, notes: hostileNotes })));

    expect(hostile.html).toBe(0);
    expect(hostile.headings).toEqual(benign.headings);
    expect(hostile.links).toBe(benign.links);
    expect(hostile.strong).toBe(benign.strong);
    expect(hostile.em).toBe(benign.em);
    expect(hostile.lists).toBe(benign.lists);
    expect(hostile.tableShape).toEqual(benign.tableShape);
  });

  it('shows the hostile text literally, where the user put it', () => {
    const tokens = marked.lexer(render(session({ team: hostileTeam, notes: hostileNotes })));
    const h1 = headings(tokens).find((heading) => heading.depth === 1)!;
    expect(plainText(h1.tokens)).toBe(`Deployment diagnosis for ${hostileTeam} (2024-03-05)`);
    const notes = section(tokens, 'Notes');
    expect(notes).toHaveLength(notes.filter((token) => token.type === 'blockquote' || token.type === 'space').length);
    const quote = notes.find((token): token is Tokens.Blockquote => token.type === 'blockquote')!;
    expect(plainText(quote.tokens)).toBe(hostileNotes);
  });

  it('a multi-line team name stays on the heading line', () => {
    const tokens = marked.lexer(render(session({ team: 'Ops\n# Injected\n| a | b |\n|---|---|' })));
    expect(headings(tokens).filter((heading) => heading.depth === 1)).toHaveLength(1);
    expect(headings(tokens).map((heading) => plainText(heading.tokens))).not.toContain('Injected');
    expect(tokens.filter((token) => token.type === 'table')).toHaveLength(
      marked.lexer(render(session())).filter((token) => token.type === 'table').length,
    );
  });

  it('any mix of Markdown and HTML characters in team and notes stays text', () => {
    const benign = shape(render(session({ team: 'Team', notes: 'plain' })));
    const unit = fc.constantFrom(...'<>&*_[]()|#-=+!~`\\{}"\' a1.\n\t'.split(''), '```', '---', '1. ', '> ', '<b>', '</div>', '&lt;', '![i](x)', '[a]: b');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 40 }), fc.string({ unit, minLength: 1, maxLength: 80 }), (team, notes) => {
        const parsed = sessionSchema.safeParse({ ...baseSession, team: `T${team}`, notes });
        // Blank notes leave no Notes section at all, so their headings differ by design.
        fc.pre(parsed.success && notes.trim() !== '');
        const hostile = shape(render(parsed.data!));
        expect(hostile.html).toBe(0);
        expect(hostile.headings).toEqual(benign.headings);
        expect(hostile.links).toBe(benign.links);
        expect(hostile.strong).toBe(benign.strong);
        expect(hostile.lists).toBe(benign.lists);
        expect(hostile.codespans).toBe(benign.codespans);
        expect(hostile.tableShape).toEqual(benign.tableShape);
        expect(hostile.every.some((token) => token.type === 'image' || token.type === 'def' || token.type === 'code')).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('a URL or e-mail address in the team name or notes does not become a link', () => {
    const benign = shape(render(session({ team: 'Team', notes: 'plain' })));
    const withUrls = shape(
      render(session({ team: 'Team www.evil.example', notes: 'see https://evil.example/login\nor mail help@evil.example' })),
    );
    expect(withUrls.links).toBe(benign.links);
  });
});

describe('notes (issue 13 item 11, issue 9 item 11)', () => {
  const notesSection = (notes: unknown) => section(marked.lexer(render(session({ notes }))), 'Notes');

  it('two notes are two paragraphs', () => {
    const quotes = notesSection(['agreed to pilot the pipeline', 'Sam follows up']).filter((token) => token.type === 'blockquote');
    expect(quotes.map((quote) => plainText((quote as Tokens.Blockquote).tokens))).toEqual(['agreed to pilot the pipeline', 'Sam follows up']);
  });

  it('a line starting "1. ordered" gains no backslash and starts no list', () => {
    const markdown = render(session({ notes: '1. ordered\n2) second' }));
    const quote = notesSection('1. ordered\n2) second').find((token): token is Tokens.Blockquote => token.type === 'blockquote')!;
    expect(plainText(quote.tokens)).toBe('1. ordered\n2) second');
    expect(allTokens(quote.tokens).some((token) => token.type === 'list')).toBe(false);
    expect(markdown).not.toContain('\\1.');
  });

  it('a multi-line note keeps its line breaks', () => {
    const quote = notesSection('first line\nsecond line\n\nnew paragraph').find((token): token is Tokens.Blockquote => token.type === 'blockquote')!;
    expect(plainText(quote.tokens)).toBe('first line\nsecond linenew paragraph');
    expect(quote.tokens.filter((token) => token.type === 'paragraph')).toHaveLength(2);
  });
});

describe('causes the plan leaves out (issue 13 item 5)', () => {
  it('the report names them with the reason and says how to add one', () => {
    const diagnosis = diagnose(index, session());
    expect(diagnosis.plan.omitted.length).toBeGreaterThan(0);
    const fixPlan = section(marked.lexer(renderMarkdownReport(diagnosis, index)), 'Fix plan');
    const text = fixPlan.map((token) => token.raw).join('');
    expect(text).toContain('Not in this plan.');
    for (const omission of diagnosis.plan.omitted) expect(text).toContain(index.antiPatterns.get(omission.antiPattern)!.title);
    expect(text).toContain('addToPlan:');
  });

  it('a cause the team added is planned and marked as theirs', () => {
    const plain = diagnose(index, session());
    const added = plain.plan.omitted[0]!.antiPattern;
    const diagnosis = diagnose(index, session({ addToPlan: [added] }));
    expect(diagnosis.plan.items.map((item) => item.antiPattern)).toContain(added);
    expect(renderMarkdownReport(diagnosis, index)).toContain('*Added to the plan by the team.*');
  });
});
