import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, leadingCauses, weekSpan } from '../../src/engine/build-plan.js';
import type { Plan, PlanItem } from '../../src/engine/diagnosis-schema.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { rankCauses } from '../../src/engine/rank-causes.js';
import type { Answer } from '../../src/knowledge/schema.js';
import { bundledIndex } from '../support/bundled-knowledge.js';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await bundledIndex();
});

function planFor(symptoms: string[], answers: Record<string, Answer>) {
  const ranking = rankCauses(index, symptoms, answers);
  return { ranking, plan: buildPlan(index, ranking) };
}

const item = (plan: Plan, id: string): PlanItem => {
  const found = plan.items.find((candidate) => candidate.antiPattern === id);
  if (!found) throw new Error(`${id} is not in the plan: ${plan.items.map((candidate) => candidate.antiPattern).join(', ')}`);
  return found;
};
const position = (plan: Plan, id: string) => plan.items.findIndex((candidate) => candidate.antiPattern === id);
const lastFixedWeek = (planItem: PlanItem) => Math.max(...planItem.steps.map((step) => step.to ?? 0));

/** A change board slows every release, and there is no pipeline to make low-risk changes standard. */
const cabWithoutPipeline = { 'change-board-approval': 'yes', 'pipeline-exists': 'no', 'deploy-automated': 'yes' } as const;

describe('prerequisites', () => {
  it('the pipeline, a prerequisite of the change board, comes before it in the ranking and in the plan', () => {
    const { ranking, plan } = planFor(['change-management-overhead'], cabWithoutPipeline);
    const rankOf = (id: string) => ranking.findIndex((cause) => cause.id === id);
    expect(rankOf('cab-gates')).toBeGreaterThan(-1);
    expect(rankOf('missing-deployment-pipeline')).toBeLessThan(rankOf('cab-gates'));

    expect(position(plan, 'missing-deployment-pipeline')).toBeLessThan(position(plan, 'cab-gates'));
    const pipeline = item(plan, 'missing-deployment-pipeline');
    const cab = item(plan, 'cab-gates');
    expect(pipeline.startWeek).toBeLessThan(cab.startWeek);
    expect(pipeline.prerequisiteOf).toEqual(['cab-gates']);
    expect(cab.prerequisiteOf).toEqual([]);
  });

  it("the change board's work starts only after the pipeline's fixed steps end", () => {
    const { plan } = planFor(['change-management-overhead'], cabWithoutPipeline);
    const pipeline = item(plan, 'missing-deployment-pipeline');
    const cab = item(plan, 'cab-gates');
    expect(cab.startWeek).toBe(lastFixedWeek(pipeline) + 1);
    for (const step of cab.steps) expect(step.from).toBeGreaterThan(lastFixedWeek(pipeline));
    expect(cab.steps[0]!.from).toBe(cab.startWeek);
  });

  it('a prerequisite that is not a leading cause on its own is still pulled in, first', () => {
    const { ranking, plan } = planFor(['change-management-overhead'], { ...cabWithoutPipeline, 'pipeline-exists': 'partly' });
    const pipelineCause = ranking.find((cause) => cause.id === 'missing-deployment-pipeline')!;
    expect(pipelineCause.confidence).toBeLessThan(0.5);
    expect(leadingCauses(ranking).map((cause) => cause.id)).not.toContain('missing-deployment-pipeline');
    expect(plan.items.map((planItem) => planItem.antiPattern)).toEqual(['missing-deployment-pipeline', 'cab-gates']);
    expect(item(plan, 'missing-deployment-pipeline').prerequisiteOf).toEqual(['cab-gates']);
    expect(item(plan, 'missing-deployment-pipeline').startWeek).toBe(1);
  });

  it('a prerequisite raised only by answers is placed before the cause that needs it', () => {
    const { plan } = planFor(['slow-recovery'], { 'rollback-practiced': 'no', 'deploy-automated': 'no' });
    const manual = item(plan, 'manual-deployments');
    const rollback = item(plan, 'no-rollback-strategy');
    expect(position(plan, 'manual-deployments')).toBeLessThan(position(plan, 'no-rollback-strategy'));
    expect(manual.prerequisiteOf).toEqual(['no-rollback-strategy']);
    expect(rollback.startWeek).toBeGreaterThan(lastFixedWeek(manual));
  });

  it('a prerequisite the answers rule out (there is a pipeline) is not pulled in', () => {
    const { ranking, plan } = planFor(['change-management-overhead'], { ...cabWithoutPipeline, 'pipeline-exists': 'yes' });
    expect(ranking[0]!.id).toBe('cab-gates');
    expect(plan.items.map((planItem) => planItem.antiPattern)).not.toContain('missing-deployment-pipeline');
    expect(plan.timeline.map((step) => step.antiPattern)).not.toContain('missing-deployment-pipeline');
    expect(item(plan, 'cab-gates').startWeek).toBe(1);
  });
});

describe('the calendar', () => {
  const cases: [string, string[], Record<string, Answer>][] = [
    ['change board without pipeline', ['change-management-overhead'], cabWithoutPipeline],
    [
      'FTP team',
      ['deployment-procedure-varies', 'database-migrations-block-deploys', 'slow-recovery'],
      { 'deploy-automated': 'no', 'migrations-in-pipeline': 'no', 'runbook-current': 'no', 'rollback-practiced': 'no' },
    ],
    ['nothing answered', ['fear-of-deploying', 'waiting-on-qa-team', 'hardening-sprints'], {}],
  ];

  it.each(cases)('%s: week 1 holds exactly the steps that start in week 1', (_, symptoms, answers) => {
    const { plan } = planFor(symptoms, answers);
    expect(plan.weekOne.length).toBeGreaterThan(0);
    for (const step of plan.weekOne) expect(step.from).toBe(1);
    expect(plan.weekOne).toEqual(plan.timeline.filter((step) => step.from === 1));
    // The first item's own first step is the first thing the team does.
    expect(plan.weekOne).toContainEqual(plan.items[0]!.steps[0]);
  });

  it.each(cases)('%s: the timeline holds every step, sorted by week, ongoing work after fixed work of the same week', (_, symptoms, answers) => {
    const { plan } = planFor(symptoms, answers);
    expect(plan.timeline).toHaveLength(plan.items.reduce((sum, planItem) => sum + planItem.steps.length, 0));
    for (let i = 1; i < plan.timeline.length; i++) {
      const before = plan.timeline[i - 1]!;
      const after = plan.timeline[i]!;
      expect(before.from).toBeLessThanOrEqual(after.from);
      if (before.from === after.from && before.to === null) expect(after.to).toBeNull();
    }
  });

  it.each(cases)('%s: steps keep their own order and span, shifted to the item start', (_, symptoms, answers) => {
    const { plan } = planFor(symptoms, answers);
    for (const planItem of plan.items) {
      expect(planItem.startWeek).toBeGreaterThanOrEqual(1);
      const fixed = planItem.steps.filter((step) => step.to !== null);
      for (const step of fixed) {
        const span = weekSpan(step.weeks);
        expect(step.from).toBe(planItem.startWeek + span.from - 1);
        expect(step.to).toBe(planItem.startWeek + span.to! - 1);
      }
      const ongoing = planItem.steps.filter((step) => step.to === null);
      for (const step of ongoing) expect(step.from).toBe(lastFixedWeek(planItem) + 1);
    }
    expect(plan.items[0]!.startWeek).toBe(1);
  });

  it.each(cases)('%s: metrics are listed once each, naming every anti-pattern that watches them', (_, symptoms, answers) => {
    const { plan } = planFor(symptoms, answers);
    const keys = plan.metrics.map((metric) => metric.dora ?? metric.name.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    for (const metric of plan.metrics) expect(new Set(metric.antiPatterns).size).toBe(metric.antiPatterns.length);
  });

  it('a DORA metric shared by the pipeline and the change board appears once, for both', () => {
    const { plan } = planFor(['change-management-overhead'], cabWithoutPipeline);
    const leadTime = plan.metrics.filter((metric) => metric.dora === 'lead-time-for-changes');
    expect(leadTime).toHaveLength(1);
    expect(leadTime[0]!.antiPatterns.sort()).toEqual(['cab-gates', 'missing-deployment-pipeline']);
  });

  it('objections and retrospective questions come from the planned anti-patterns only', () => {
    const { plan } = planFor(['change-management-overhead'], cabWithoutPipeline);
    const planned = new Set(plan.items.map((planItem) => planItem.antiPattern));
    expect(plan.retroQuestions.length).toBeGreaterThan(0);
    for (const entry of [...plan.retroQuestions, ...plan.objections]) expect(planned).toContain(entry.antiPattern);
  });

  it('with nothing confident, the plan still covers the two strongest leads', () => {
    const { ranking, plan } = planFor(['fear-of-deploying', 'waiting-on-qa-team'], {});
    expect(ranking.every((cause) => cause.confidence < 0.5)).toBe(true);
    const planned = plan.items.map((planItem) => planItem.antiPattern);
    expect(planned).toEqual(expect.arrayContaining([ranking[0]!.id, ranking[1]!.id]));
  });
});
