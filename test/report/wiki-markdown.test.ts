import { marked, type Tokens } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import { indexKnowledge, type KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import type { Session } from '../../src/engine/session-schema.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { bundledIndex } from '../support/bundled-knowledge.js';
import { allTokens, plainText, section } from '../support/markdown-tokens.js';
import { fixtureSessions } from '../support/sessions.js';

let index: KnowledgeIndex;
let sessions: Record<string, Session>;
beforeAll(async () => {
  index = await bundledIndex();
  sessions = fixtureSessions();
});

/** The bundled knowledge with a pipe, a line break and HTML in titles that land in table cells. */
function knowledgeWithAwkwardTitles(): KnowledgeIndex {
  const { knowledge } = index;
  return indexKnowledge({
    ...knowledge,
    antiPatterns: knowledge.antiPatterns.map((antiPattern) => ({ ...antiPattern, title: `${antiPattern.title} | A<br>\nB` })),
    symptoms: knowledge.symptoms.map((symptom) => ({ ...symptom, title: `${symptom.title} | x` })),
    questions: knowledge.questions.map((question) => ({ ...question, text: `${question.text} | y` })),
  });
}

describe('Markdown that survives a wiki', () => {
  it('never goes deeper than a third-level heading (Notion keeps three)', () => {
    for (const session of Object.values(sessions)) {
      const depths = allTokens(marked.lexer(renderMarkdownReport(diagnose(index, session), index))).flatMap((token) =>
        token.type === 'heading' ? [(token as Tokens.Heading).depth] : [],
      );
      expect(Math.max(...depths)).toBe(3);
      expect(renderMarkdownReport(diagnose(index, session), index)).not.toMatch(/^#{4,}/m);
    }
  });

  it('keeps the plan item details as bold labels where the fourth-level headings were', () => {
    const tokens = marked.lexer(renderMarkdownReport(diagnose(index, sessions.sample!), index));
    const labels = section(tokens, 'Fix plan')
      .filter((token): token is Tokens.Paragraph => token.type === 'paragraph' && token.tokens?.length === 1 && token.tokens[0]!.type === 'strong')
      .map((token) => plainText(token.tokens));
    expect(labels).toEqual(expect.arrayContaining(['Why we think so', 'Steps', 'Metrics to watch', 'Objections you will hear']));
  });

  it('contains no HTML, even when the knowledge titles do', () => {
    const awkward = knowledgeWithAwkwardTitles();
    for (const [knowledge, session] of [
      [index, sessions.full!],
      [awkward, sessions.full!],
    ] as const) {
      const markdown = renderMarkdownReport(diagnose(knowledge, session), knowledge);
      expect(allTokens(marked.lexer(markdown)).filter((token) => token.type === 'html')).toEqual([]);
      expect(markdown).not.toMatch(/<[a-z/]/i);
    }
  });

  it('has table cells without pipes or line breaks, so every row keeps its columns in any importer', () => {
    const awkward = knowledgeWithAwkwardTitles();
    const markdown = renderMarkdownReport(diagnose(awkward, sessions.full!), awkward);
    const tables = allTokens(marked.lexer(markdown)).filter((token): token is Tokens.Table => token.type === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables) {
      for (const row of [table.header, ...table.rows]) {
        expect(row).toHaveLength(table.header.length);
        for (const cell of row) expect(cell.text).not.toMatch(/[|\n]/);
      }
    }
    // A wiki that splits rows on every "|" still sees the same number of columns: no pipe, escaped or not, sits inside a cell.
    const tableLines = markdown.split('\n').filter((line) => line.startsWith('| '));
    for (const line of tableLines) expect(line.replace(/^\| | \|$/g, '').split(' | ').join('')).not.toContain('|');
    const ranked = section(marked.lexer(markdown), 'Ranked causes').find((token): token is Tokens.Table => token.type === 'table')!;
    expect(plainText(ranked.rows[0]![1]!.tokens)).toMatch(/ ¦ A<br> B$/);
  });

  it('writes plan steps that read as sentences even where task-list brackets are not rendered', () => {
    const diagnosis = diagnose(index, sessions.full!);
    const markdown = renderMarkdownReport(diagnosis, index);
    // A wiki that ignores task lists shows "[ ] " literally: what follows must be the whole action, starting with a capital.
    const taskLines = markdown.split('\n').filter((line) => line.startsWith('- [ ] '));
    const listed = diagnosis.plan.items.flatMap((item) => item.steps).filter((step) => step.duplicateOf === null);
    const actions = [...listed, ...diagnosis.plan.weekOne].flatMap((step) => step.actions);
    expect(taskLines.map((line) => line.slice('- [ ] '.length))).toEqual(actions);
    for (const line of taskLines) expect(line).toMatch(/^- \[ \] [A-Z]/);
    // Each group of actions sits under a bold "Week N: step" line, so the reader knows when and what for.
    const steps = section(marked.lexer(markdown), 'Fix plan')
      .filter((token): token is Tokens.Paragraph => token.type === 'paragraph')
      .map((token) => plainText(token.tokens))
      .filter((text) => /^Weeks? \d/.test(text));
    expect(steps).toHaveLength(listed.length);
  });
});

describe('--mermaid', () => {
  it('adds a gantt after the timeline table and keeps the table', () => {
    const diagnosis = diagnose(index, sessions.full!);
    const plain = marked.lexer(renderMarkdownReport(diagnosis, index));
    const withChart = marked.lexer(renderMarkdownReport(diagnosis, index, { mermaid: true }));
    const timeline = section(withChart, 'Timeline').filter((token) => token.type !== 'space');
    expect(timeline.map((token) => token.type)).toEqual(['table', 'code']);
    expect((timeline[1] as Tokens.Code).lang).toBe('mermaid');
    expect(section(plain, 'Timeline').filter((token) => token.type !== 'space').map((token) => token.type)).toEqual(['table']);
    expect((timeline[0] as Tokens.Table).rows).toHaveLength(diagnosis.plan.timeline.length);
    expect(allTokens(plain).some((token) => token.type === 'code')).toBe(false);
  });

  it('has one task per timeline step, each on week boundaries, ongoing work labelled as such', () => {
    const diagnosis = diagnose(index, sessions.full!);
    const code = allTokens(marked.lexer(renderMarkdownReport(diagnosis, index, { mermaid: true }))).find(
      (token): token is Tokens.Code => token.type === 'code',
    )!;
    const lines = code.text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['gantt', '  title Fix plan by week']);
    const tasks = lines.filter((line) => / :\d{4}-\d{2}-\d{2}, \d+d$/.test(line));
    expect(tasks).toHaveLength(diagnosis.plan.timeline.length);
    const sections = lines.filter((line) => line.startsWith('  section '));
    expect(sections).toHaveLength(diagnosis.plan.items.length);
    const first = diagnosis.plan.timeline[0]!;
    expect(tasks.some((line) => line.startsWith(`  ${first.title} :2000-01-03, `))).toBe(true);
    const ongoing = diagnosis.plan.timeline.filter((step) => step.to === null).length;
    expect(tasks.filter((line) => line.includes('(ongoing)'))).toHaveLength(ongoing);
  });

  it('keeps Mermaid syntax out of task names that come from a knowledge pack', () => {
    const { knowledge } = index;
    const hostile = indexKnowledge({
      ...knowledge,
      antiPatterns: knowledge.antiPatterns.map((antiPattern) => ({
        ...antiPattern,
        title: `${antiPattern.title}: #1; %%x`,
        fix: antiPattern.fix.map((step) => ({ ...step, title: `${step.title} :crit, 2020-01-01, 1d\n  section Evil` })),
      })),
    });
    const diagnosis = diagnose(hostile, sessions.full!);
    const code = allTokens(marked.lexer(renderMarkdownReport(diagnosis, hostile, { mermaid: true }))).find(
      (token): token is Tokens.Code => token.type === 'code',
    )!;
    const lines = code.text.split('\n');
    expect(lines.filter((line) => line.startsWith('  section '))).toHaveLength(diagnosis.plan.items.length);
    for (const line of lines.slice(5)) expect(line).toMatch(/^ {2}(section [^:#;%]+|[^:#;%]+ :\d{4}-\d{2}-\d{2}, \d+d)$/);
  });

  it('names a section or task whose title is nothing but Mermaid syntax by its id', () => {
    const { knowledge } = index;
    const onlySyntax = indexKnowledge({
      ...knowledge,
      antiPatterns: knowledge.antiPatterns.map((antiPattern) => ({ ...antiPattern, title: ':;#', fix: antiPattern.fix.map((step) => ({ ...step, title: '%%' })) })),
    });
    const diagnosis = diagnose(onlySyntax, sessions.full!);
    const code = allTokens(marked.lexer(renderMarkdownReport(diagnosis, onlySyntax, { mermaid: true }))).find(
      (token): token is Tokens.Code => token.type === 'code',
    )!;
    const lines = code.text.split('\n');
    expect(lines).toContain(`  section ${diagnosis.plan.items[0]!.antiPattern}`);
    const first = diagnosis.plan.timeline[0]!;
    expect(lines.some((line) => line.startsWith(`  ${first.id.replace('/', ' ')} :`))).toBe(true);
  });
});

describe('metrics in a pasted page', () => {
  it('say which DORA report their names come from', () => {
    const diagnosis = diagnose(index, sessions.full!);
    expect(diagnosis.plan.metrics.some((metric) => metric.dora)).toBe(true);
    const metrics = section(marked.lexer(renderMarkdownReport(diagnosis, index)), 'Metrics');
    expect(plainText((metrics.find((token) => token.type === 'paragraph') as Tokens.Paragraph).tokens)).toContain("DORA's 2024 State of DevOps report");
  });
});
