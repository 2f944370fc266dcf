import { parse } from 'csv-parse/sync';
import { marked, type Tokens } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { sessionSchema, type Session } from '../../src/engine/session-schema.js';
import { renderConfluenceReport } from '../../src/report/confluence-report.js';
import { renderCsvReport } from '../../src/report/csv-report.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { bundledIndex } from '../support/bundled-knowledge.js';
import { allTokens, plainText, section } from '../support/markdown-tokens.js';
import { fixtureSessions } from '../support/sessions.js';
import { runCli } from '../support/run-cli.js';

let index: KnowledgeIndex;
let full: Session;
beforeAll(async () => {
  index = await bundledIndex();
  full = fixtureSessions().full!;
});

describe('steps an answers file records as done', () => {
  it('are ticked and say "(done)" in words, with progress counted above the plan', () => {
    const plan = diagnose(index, full).plan;
    const finished = plan.timeline.slice(0, 2);
    const session = sessionSchema.parse({ ...full, done: finished.map((step) => step.id) });
    const markdown = renderMarkdownReport(diagnose(index, session), index);
    const tokens = marked.lexer(markdown);
    const fixPlan = section(tokens, 'Fix plan');
    expect(plainText((fixPlan.filter((token) => token.type === 'paragraph')[1] as Tokens.Paragraph).tokens)).toBe(`Progress: 2 of ${plan.timeline.length} steps done; finished steps are ticked and marked "(done)".`);
    const labels = fixPlan.filter((token): token is Tokens.Paragraph => token.type === 'paragraph').map((token) => plainText(token.tokens));
    for (const step of finished) expect(labels.some((text) => text.includes(`${step.title} (done) (step ${step.id})`))).toBe(true);
    const checked = allTokens(fixPlan).filter((token): token is Tokens.ListItem => token.type === 'list_item' && (token as Tokens.ListItem).task && Boolean((token as Tokens.ListItem).checked));
    expect(checked).toHaveLength(finished.flatMap((step) => step.actions).length);
  });

  it('leave the plan untouched and print no progress line when the file records nothing', () => {
    const markdown = renderMarkdownReport(diagnose(index, full), index);
    expect(markdown).not.toContain('Progress:');
    expect(markdown).not.toContain('- [x]');
  });

  it('show as done in CSV and as complete Confluence tasks', () => {
    const step = diagnose(index, full).plan.timeline[0]!;
    const diagnosis = diagnose(index, sessionSchema.parse({ ...full, done: [step.id] }));
    const rows = parse(renderCsvReport(diagnosis, index), { columns: true }) as Record<string, string>[];
    expect(rows.filter((row) => row.Done === 'yes').map((row) => row['Step id'])).toEqual([step.id]);
    const confluence = renderConfluenceReport(diagnosis, index);
    const complete = confluence.match(/<ac:task-status>complete<\/ac:task-status>/g) ?? [];
    // Week 1's checklist repeats the first step's actions.
    expect(complete).toHaveLength(step.actions.length * (step.from === 1 ? 2 : 1));
  });

  it('an unknown step id in done is refused with a suggestion', async () => {
    const result = await runCli(['report', '-'], { stdin: 'version: 1\nsymptoms: [fear-of-deploying]\ndone: [manual-deployments/script-riskiest-step]\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('<stdin>:3:');
    expect(result.stderr).toContain('manual-deployments/script-riskiest-steps');
  });
});
