import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { marked, type Tokens } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonSchema, type Comparison } from '../../src/engine/comparison-schema.js';
import { diagnose } from '../../src/engine/diagnose.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { sessionSchema } from '../../src/engine/session-schema.js';
import { parse as parseYaml } from 'yaml';
import { bundledIndex, repoRoot } from '../support/bundled-knowledge.js';
import { headings, plainText, section } from '../support/markdown-tokens.js';
import { runCli } from '../support/run-cli.js';

const september = join(repoRoot, 'test/fixtures/portfolio/payments.yaml');
const december = join(repoRoot, 'test/fixtures/progress/payments-december.yaml');
let index: KnowledgeIndex;
let dir: string;
beforeAll(async () => {
  index = await bundledIndex();
  dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-compare-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const json = async (...args: string[]) => {
  const result = await runCli(['compare', ...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  return comparisonSchema.parse(JSON.parse(result.stdout)) as Comparison;
};
const sessionOf = async (file: string) => sessionSchema.parse(parseYaml(await readFile(file, 'utf8')));

describe('compare two assessments of one team', () => {
  it('sorts causes into resolved, improved, worse, new and unchanged from their confidence at each date', async () => {
    const comparison = await json(september, december);
    const changes = new Map(comparison.causes.map((cause) => [cause.id, cause.change]));
    expect(changes.get('manual-deployments')).toBe('resolved');
    expect(changes.get('missing-deployment-pipeline')).toBe('resolved');
    // Good news first: resolved, improved, worse, new, then unchanged.
    const order = ['resolved', 'improved', 'worse', 'new', 'unchanged'];
    const positions = comparison.causes.map((cause) => order.indexOf(cause.change));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const cause of comparison.causes.filter((entry) => entry.change === 'resolved')) expect(cause.after!).toBeLessThan(0.25);
  });

  it('calls a cause worse or new when it grows, reading the files the other way round', async () => {
    const reversed = join(dir, 'reversed-december.yaml');
    await writeFile(reversed, (await readFile(september, 'utf8')).replace('2026-09-14', '2027-01-10'));
    const earlier = join(dir, 'earlier.yaml');
    await writeFile(earlier, (await readFile(december, 'utf8')).replace('2026-12-14', '2026-06-01'));
    const comparison = await json(earlier, reversed);
    expect(comparison.causes.filter((cause) => cause.change === 'new').map((cause) => cause.id)).toEqual(
      expect.arrayContaining(['manual-deployments', 'missing-deployment-pipeline']),
    );
    expect(comparison.metrics.map((metric) => [metric.key, metric.change])).toEqual([
      ['deploymentFrequency', 'worse'],
      ['leadTime', 'worse'],
      ['changeFailureRate', 'worse'],
      ['recoveryTime', 'worse'],
    ]);
  });

  it('reports metric changes with the better direction per metric', async () => {
    const comparison = await json(september, december);
    expect(comparison.metrics).toEqual([
      { key: 'deploymentFrequency', before: 'monthly', after: '2 per month', change: 'better' },
      { key: 'leadTime', before: '6 weeks', after: '3 weeks', change: 'better' },
      { key: 'changeFailureRate', before: '30%', after: '20%', change: 'better' },
      { key: 'recoveryTime', before: '2 days', after: '1 day', change: 'better' },
    ]);
  });

  it('carries the earlier plan\'s open steps forward, the ones the new plan still needs first', async () => {
    const comparison = await json(september, december);
    const agreed = diagnose(index, await sessionOf(september)).plan.timeline.map((step) => step.id);
    const newPlan = new Set(diagnose(index, await sessionOf(december)).plan.timeline.map((step) => step.id));
    expect(comparison.steps.total).toBe(agreed.length);
    expect(comparison.steps.done).toEqual(['manual-deployments/write-down-procedure', 'manual-deployments/script-riskiest-steps']);
    expect(comparison.steps.open.map((step) => step.id).sort()).toEqual(agreed.filter((id) => !comparison.steps.done.includes(id)).sort());
    for (const step of comparison.steps.open) expect(step.stillPlanned).toBe(newPlan.has(step.id));
    const flags = comparison.steps.open.map((step) => step.stillPlanned);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));

    const markdown = (await runCli(['compare', september, december])).stdout;
    const tokens = marked.lexer(markdown);
    expect(headings(tokens).map((heading) => plainText(heading.tokens))).toEqual([
      'Progress for Payments: 2026-09-14 to 2026-12-14',
      'Causes',
      'Delivery metrics',
      'Steps still open',
      'Steps done',
    ]);
    const open = section(tokens, 'Steps still open').find((token): token is Tokens.List => token.type === 'list')!;
    expect(open.items).toHaveLength(comparison.steps.open.length);
    expect(open.items.every((item) => item.task && !item.checked && item.text.includes('(open, step '))).toBe(true);
    const done = section(tokens, 'Steps done').find((token): token is Tokens.List => token.type === 'list')!;
    expect(done.items.map((item) => item.checked)).toEqual([true, true]);
  });

  it('exports as HTML and as Confluence storage format', async () => {
    const html = await runCli(['compare', september, december, '--format', 'html']);
    expect(html.stdout).toContain('<title>Progress for Payments: 2026-09-14 to 2026-12-14</title>');
    const confluence = await runCli(['compare', september, december, '--format', 'confluence']);
    expect(XMLValidator.validate(confluence.stdout)).toBe(true);
    expect(confluence.stdout.match(/<ac:task-status>complete<\/ac:task-status>/g)).toHaveLength(2);
  });
});

describe('compare refuses what would mislead', () => {
  it('two different teams, unless --force', async () => {
    const checkout = join(repoRoot, 'test/fixtures/portfolio/checkout.yaml');
    const refused = await runCli(['compare', september, checkout]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('is team "Payments" but');
    expect(refused.stderr).toContain('use --force to compare anyway');
    const forced = await runCli(['compare', september, checkout, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('the two files name different teams (Payments and Checkout)');
  });

  it('the later assessment given first', async () => {
    const result = await runCli(['compare', december, september]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give the earlier assessment first');
  });

  it('an output file that exists, unless --force', async () => {
    await writeFile(join(dir, 'progress.md'), 'kept\n');
    const result = await runCli(['compare', september, december, '-o', 'progress.md'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(await readFile(join(dir, 'progress.md'), 'utf8')).toBe('kept\n');
  });

  it('one file, or three', async () => {
    expect((await runCli(['compare', september])).code).toBe(2);
    expect((await runCli(['compare', september, december, december])).code).toBe(2);
  });
});
