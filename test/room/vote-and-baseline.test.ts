import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import { placeMetrics } from '../../src/engine/dora-baseline.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { parseSession } from '../../src/engine/parse-session.js';
import type { Session } from '../../src/engine/session-schema.js';
import type { DoraClusters } from '../../src/knowledge/dora-clusters-schema.js';
import { loadDoraClusters, parseDoraClusters } from '../../src/knowledge/load-dora-clusters.js';
import { renderJsonReport } from '../../src/report/json-report.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { reportSchema } from '../../src/report/report-schema.js';
import { bundledDir, bundledIndex, repoRoot } from '../support/bundled-knowledge.js';

let index: KnowledgeIndex;
let clusters: DoraClusters;
beforeAll(async () => {
  index = await bundledIndex();
  clusters = await loadDoraClusters(bundledDir, repoRoot);
});

function session(yaml: string): Session {
  const { session: parsed, problems } = parseSession('room.yaml', yaml, index);
  if (!parsed) throw new Error(problems.map((problem) => `${problem.field} ${problem.message}`).join('\n'));
  return parsed;
}

// Manual deployments leads; the answers keep a rollback strategy likely; rollback needs manual deployments fixed first.
const base = `version: 2
team: Payments
room: { people: 6 }
symptoms: [fear-of-deploying, slow-recovery]
answers:
  deploy-automated: { tally: { no: 6 } }
  rollback-practiced: { tally: { no: 5, yes: 1 } }
`;

describe('the vote', () => {
  it('without a vote the plan follows the ranking', () => {
    const plan = diagnose(index, session(base)).plan;
    expect(plan.items[0]!.antiPattern).toBe(diagnose(index, session(base)).ranking[0]!.id);
  });

  it('the plan follows the vote, but a prerequisite of the chosen cause still comes first', () => {
    const voted = diagnose(index, session(`${base}votes: { tally: { no-rollback-strategy: 9, blind-operations: 5 } }\n`));
    const order = voted.plan.items.map((item) => item.antiPattern);
    const prerequisites = index.antiPatterns.get('no-rollback-strategy')!.prerequisites.filter((id) => order.includes(id));
    // Everything before the team's choice is something it depends on.
    for (const id of order.slice(0, order.indexOf('no-rollback-strategy'))) expect(prerequisites).toContain(id);
    // The second choice comes right after the first, ahead of causes nobody voted for.
    expect(order.indexOf('blind-operations')).toBe(order.indexOf('no-rollback-strategy') + 1);
    const markdown = renderMarkdownReport(voted, index);
    expect(markdown).toContain('The team chose No rollback strategy first (9 dots of 14).');
    expect(markdown).toContain('keeps prerequisites first and otherwise follows the vote');
  });

  it('a cause the team voted for joins the plan even when the evidence alone would leave it out', () => {
    const plain = diagnose(index, session(base)).plan.items.map((item) => item.antiPattern);
    expect(plain).not.toContain('monolithic-work-items');
    const voted = diagnose(index, session(`${base}votes: { tally: { monolithic-work-items: 4 } }\n`));
    expect(voted.plan.items.map((item) => item.antiPattern)).toContain('monolithic-work-items');
    expect(voted.room?.vote?.chosenFirst).toBe('monolithic-work-items');
  });

  it("each person's three dots are counted, several on one cause allowed", () => {
    const value = session(
      'version: 2\nrespondents: [{ label: A }, { label: B }]\nsymptoms: [fear-of-deploying]\nanswers:\n  deploy-automated: { by: { A: no, B: no } }\n' +
        'votes: { by: { A: [blind-operations, blind-operations, manual-deployments], B: [manual-deployments] } }\n',
    );
    const vote = diagnose(index, value).room!.vote!;
    expect(vote.dots).toEqual([
      { antiPattern: 'manual-deployments', dots: 2 },
      { antiPattern: 'blind-operations', dots: 2 },
    ]);
    expect(vote.voters).toBe(2);
    expect(vote.chosenFirst).toBe('manual-deployments'); // a tie goes to the higher-ranked cause
  });
});

describe('the DORA baseline', () => {
  const place = (metrics: Session['metrics']) => placeMetrics(metrics!, clusters).entries;

  it('places each metric within the published 2024 cluster ranges', () => {
    const [frequency, lead, failures, recovery, rework] = place({
      deploymentFrequency: '2 per week',
      leadTime: '3 weeks',
      changeFailureRate: '12%',
      recoveryTime: '30 minutes',
      reworkRate: '8%',
    });
    expect(frequency!.placement).toEqual({ kind: 'within', clusters: ['high'] });
    expect(lead!.placement).toEqual({ kind: 'within', clusters: ['medium'] });
    expect(failures!.placement).toEqual({ kind: 'nearest', clusters: ['medium'] });
    expect(recovery!.placement).toEqual({ kind: 'within', clusters: ['elite'] });
    expect(rework!.placement).toEqual({ kind: 'no-tier' });
  });

  it('never invents a band: boundaries go to the better cluster, gaps and extremes say so', () => {
    const [monthly, lead, recovery] = place({ deploymentFrequency: 'monthly', leadTime: '8 months', recoveryTime: '2 days' });
    expect(monthly!.placement).toEqual({ kind: 'within', clusters: ['medium'] });
    expect(monthly!.today).toBe('monthly');
    expect(lead!.placement).toEqual({ kind: 'beyond-low' });
    expect(recovery!.placement).toEqual({ kind: 'between', better: 'medium', worse: 'low' });
    // High and medium publish the same recovery range, so both are named.
    expect(place({ recoveryTime: '5 hours' })[0]!.placement).toEqual({ kind: 'within', clusters: ['high', 'medium'] });
    expect(place({ deploymentFrequency: 'on demand' })[0]!.placement).toEqual({ kind: 'within', clusters: ['elite'] });
    expect(place({ deploymentFrequency: '1 per year' })[0]!.placement).toEqual({ kind: 'beyond-low' });
  });

  it('the report names the year and source, says 2025 moved to team profiles, and ties plan metrics to today', () => {
    const value = session(`${base}metrics: { deploymentFrequency: monthly, leadTime: 3 weeks, changeFailureRate: 25%, recoveryTime: 2 days, reworkRate: 10% }\n`);
    const diagnosis = diagnose(index, value, 'adaptive', { clusters });
    const markdown = renderMarkdownReport(diagnosis, index);
    expect(markdown).toContain('## Delivery baseline (DORA 2024 clusters)');
    expect(markdown).toContain('dora.dev/research/2024/dora-report/');
    expect(markdown).toMatch(/2025 DORA report .* seven team profiles/);
    expect(markdown).toContain('| rework rate | 10% | no published tier');
    expect(markdown).toMatch(/\*\*Deployment frequency\*\*: monthly today, target /);
    const json = JSON.parse(renderJsonReport(diagnosis, index));
    expect(reportSchema.safeParse(json).success).toBe(true);
    expect(json.baseline.entries.map((entry: { metric: string }) => entry.metric)).toEqual(['deploymentFrequency', 'leadTime', 'changeFailureRate', 'recoveryTime', 'reworkRate']);
    expect(json.plan.metrics.find((metric: { dora?: string }) => metric.dora === 'deployment-frequency').today).toBe('monthly');
  });

  it('the clusters file is valid and a broken one is refused with a positioned problem', async () => {
    const text = await readFile(`${bundledDir}/benchmarks/dora-clusters.yaml`, 'utf8');
    expect(parseDoraClusters('dora-clusters.yaml', text).problems).toEqual([]);
    const broken = text.replace('medium: { published: between one week and one month, from: 168, upTo: 720 }', 'medium: { published: between one week and one month, from: 1, upTo: 720 }');
    expect(parseDoraClusters('dora-clusters.yaml', broken).problems.map((problem) => problem.message)).toEqual(["must not start before the high cluster's range"]);
  });

  it('validate checks the clusters file with the knowledge (exit 1 on a broken one)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-clusters-'));
    try {
      await cp(bundledDir, dir, { recursive: true });
      expect((await runCli(['validate', dir])).code).toBe(0);
      const file = join(dir, 'benchmarks', 'dora-clusters.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace('year: 2024', 'year: last year'));
      const result = await runCli(['validate', dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/dora-clusters\.yaml:\d+:\d+  year  /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
