import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, leadingCauses, weekSpan } from '../../src/engine/build-plan.js';
import type { Plan, PlanItem, PlanStep, RankedCause } from '../../src/engine/diagnosis-schema.js';
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
const lastFixedWeek = (planItem: PlanItem) => Math.max(...planItem.steps.map((planStep) => planStep.to ?? 0));
const step = (plan: Plan, id: string): PlanStep => {
  const found = plan.items.flatMap((planItem) => planItem.steps).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`step ${id} is not in the plan`);
  return found;
};
/** The last week of a needed step, following a duplicate to where the work is listed, or of a whole fix. */
const finishOf = (plan: Plan, need: string): number => {
  if (!need.includes('/')) return lastFixedWeek(item(plan, need));
  const found = step(plan, need);
  return found.duplicateOf ? finishOf(plan, found.duplicateOf) : found.to!;
};

/** A change board slows every release, and there is no pipeline to make low-risk changes standard. */
const cabWithoutPipeline = { 'change-board-approval': 'yes', 'pipeline-exists': 'no', 'deploy-automated': 'yes' } as const;

describe('prerequisites', () => {
  it('the pipeline, a prerequisite of the change board, comes first in the plan but not in the ranking', () => {
    const { ranking, plan } = planFor(['change-management-overhead'], cabWithoutPipeline);
    const rankOf = (id: string) => ranking.findIndex((cause) => cause.id === id);
    // A prerequisite is fix order, not a cause: the change board the team confirmed stays the leading cause.
    expect(rankOf('cab-gates')).toBe(0);
    expect(rankOf('missing-deployment-pipeline')).toBeGreaterThan(0);

    expect(position(plan, 'missing-deployment-pipeline')).toBeLessThan(position(plan, 'cab-gates'));
    const pipeline = item(plan, 'missing-deployment-pipeline');
    const cab = item(plan, 'cab-gates');
    expect(pipeline.startWeek).toBeLessThan(cab.startWeek);
    expect(pipeline.prerequisiteOf).toEqual(['cab-gates']);
    expect(cab.prerequisiteOf).toEqual([]);
  });

  it("only the change board's steps that need the pipeline wait for it; its analysis starts at once", () => {
    const { plan } = planFor(['change-management-overhead'], cabWithoutPipeline);
    const pipeline = item(plan, 'missing-deployment-pipeline');
    const cab = item(plan, 'cab-gates');
    const promote = step(plan, 'missing-deployment-pipeline/promote-artifact');
    const pilot = step(plan, 'cab-gates/pilot-standard-changes');
    expect(pilot.needs).toEqual(['missing-deployment-pipeline/promote-artifact']);
    expect(pilot.from).toBe(promote.to! + 1);
    // The analysis and the criteria need nothing from the pipeline, so they start long before it is finished.
    expect(cab.steps[0]!.from).toBe(2);
    expect(cab.startWeek).toBe(2);
    expect(step(plan, 'cab-gates/agree-standard-changes').to!).toBeLessThan(lastFixedWeek(pipeline));
    // Steps after the one that waited keep their place behind it.
    expect(step(plan, 'cab-gates/extend-standard-changes').from).toBeGreaterThan(pilot.to!);
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

  it('a prerequisite raised only by answers is placed before the cause that needs it, and gates only the step that needs it', () => {
    const { plan } = planFor(['slow-recovery'], { 'rollback-practiced': 'no', 'deploy-automated': 'no' });
    const rollback = item(plan, 'no-rollback-strategy');
    expect(position(plan, 'manual-deployments')).toBeLessThan(position(plan, 'no-rollback-strategy'));
    expect(item(plan, 'manual-deployments').prerequisiteOf).toContain('no-rollback-strategy');
    // Marking one-way releases and agreeing the rule need no deploy script.
    expect(rollback.steps[0]!.id).toBe('no-rollback-strategy/find-out-rollback-today');
    expect(rollback.steps[0]!.from).toBeLessThanOrEqual(2);
    expect(step(plan, 'no-rollback-strategy/script-the-way-back').from).toBe(step(plan, 'manual-deployments/one-command').to! + 1);
  });

  it('steps that need nothing start on schedule even when a later step waits (feature flags do not wait for the pipeline)', () => {
    const { plan } = planFor(['deploy-release-coupled'], { 'pipeline-exists': 'no', 'deploy-without-release': 'no' });
    const flags = item(plan, 'no-progressive-delivery');
    expect(plan.items.map((planItem) => planItem.antiPattern)).toContain('missing-deployment-pipeline');
    expect(step(plan, 'no-progressive-delivery/flag-one-feature').needs).toEqual([]);
    expect(flags.startWeek).toBeLessThanOrEqual(2);
    expect(step(plan, 'no-progressive-delivery/gradual-rollout').from).toBeGreaterThan(step(plan, 'missing-deployment-pipeline/promote-artifact').to!);
  });

  it('blind operations waits for the on-call rotation, not the other way round', () => {
    expect(index.antiPatterns.get('poor-incident-response')!.prerequisites).toEqual([]);
    const { plan } = planFor(['slow-recovery', 'services-without-health-checks'], { 'production-alerting': 'no', 'incident-roles-defined': 'no' });
    const paging = step(plan, 'blind-operations/page-on-call');
    expect(paging.needs).toEqual(['poor-incident-response/roles-and-escalation']);
    expect(paging.from).toBeGreaterThan(step(plan, 'poor-incident-response/roles-and-escalation').to!);
    expect(step(plan, 'blind-operations/basics-for-key-service').from).toBeLessThanOrEqual(2);
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
    const listedInFull = plan.items.flatMap((planItem) => planItem.steps).filter((planStep) => planStep.duplicateOf === null);
    expect(plan.timeline).toHaveLength(listedInFull.length);
    expect(new Set(plan.timeline.map((planStep) => planStep.id))).toEqual(new Set(listedInFull.map((planStep) => planStep.id)));
    for (let i = 1; i < plan.timeline.length; i++) {
      const before = plan.timeline[i - 1]!;
      const after = plan.timeline[i]!;
      expect(before.from).toBeLessThanOrEqual(after.from);
      if (before.from === after.from && before.to === null) expect(after.to).toBeNull();
    }
  });

  it.each(cases)('%s: steps keep their own order and length; a step only moves later to wait for what it needs', (_, symptoms, answers) => {
    const { plan } = planFor(symptoms, answers);
    for (const planItem of plan.items) {
      expect(planItem.startWeek).toBeGreaterThanOrEqual(1);
      const own = planItem.steps.filter((planStep) => planStep.duplicateOf === null);
      for (let i = 1; i < own.length; i++) expect(own[i]!.from).toBeGreaterThanOrEqual(own[i - 1]!.from);
      for (const planStep of own.filter((candidate) => candidate.to !== null)) {
        const span = weekSpan(planStep.weeks);
        expect(planStep.to! - planStep.from).toBe(span.to! - span.from);
        expect(planStep.from).toBeGreaterThanOrEqual(planItem.startWeek + span.from - 1);
        for (const need of planStep.needs) expect(planStep.from).toBeGreaterThan(finishOf(plan, need));
      }
      const ongoing = own.filter((planStep) => planStep.to === null);
      for (const planStep of ongoing) expect(planStep.from).toBeGreaterThan(lastFixedWeek({ ...planItem, steps: own }));
    }
    expect(plan.items[0]!.startWeek).toBe(1);
  });

  it.each(cases)('%s: every step id reads anti-pattern/step and is unique in the plan', (_, symptoms, answers) => {
    const { plan } = planFor(symptoms, answers);
    const ids = plan.items.flatMap((planItem) => planItem.steps.map((planStep) => planStep.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const planItem of plan.items) for (const planStep of planItem.steps) expect(planStep.id).toMatch(new RegExp(`^${planItem.antiPattern}/[a-z0-9-]+$`));
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
    const { ranking, plan } = planFor(['fear-of-deploying', 'slow-recovery'], {});
    expect(ranking.every((cause) => cause.confidence < 0.5)).toBe(true);
    const planned = plan.items.map((planItem) => planItem.antiPattern);
    expect(planned).toEqual(expect.arrayContaining([ranking[0]!.id, ranking[1]!.id]));
  });
});

describe('shared work is listed once', () => {
  /** No script, no pipeline, no rollback: three fixes that share deploy and rollback work. */
  const ftpTeam = () => planFor(['fear-of-deploying', 'slow-recovery', 'change-management-overhead'], { 'deploy-automated': 'no', 'rollback-practiced': 'no', 'change-board-approval': 'yes', 'pipeline-exists': 'no' });

  it('the rollback rehearsal appears once in full, and the other fixes point back at it', () => {
    const { plan } = ftpTeam();
    const rehearsals = plan.items.flatMap((planItem) => planItem.steps).filter((planStep) =>
      ['manual-deployments/practise-rollback', 'missing-deployment-pipeline/practise-rollback', 'no-rollback-strategy/rehearse-rollback'].includes(planStep.id),
    );
    expect(rehearsals).toHaveLength(3);
    const full = rehearsals.filter((planStep) => planStep.duplicateOf === null);
    expect(full).toHaveLength(1);
    for (const copy of rehearsals.filter((planStep) => planStep !== full[0])) expect(copy.duplicateOf).toBe(full[0]!.id);
    expect(plan.timeline.filter((planStep) => rehearsals.includes(planStep))).toEqual(full);
  });

  it('the first listing uses the words of the step the others name, so nothing is lost', () => {
    const { plan } = ftpTeam();
    const canonical = index.antiPatterns.get('missing-deployment-pipeline')!.fix.find((fixStep) => fixStep.id === 'promote-artifact')!;
    const first = step(plan, 'manual-deployments/deploy-from-ci');
    expect(first.duplicateOf).toBeNull();
    expect(first.actions).toEqual(canonical.actions);
    expect(step(plan, 'missing-deployment-pipeline/promote-artifact').duplicateOf).toBe('manual-deployments/deploy-from-ci');
  });

  it('a step that is the same as one in a fix outside the plan is listed in its own words', () => {
    const { plan } = planFor(['fear-of-deploying'], { 'deploy-automated': 'no', 'pipeline-exists': 'yes', 'rollback-practiced': 'yes' });
    expect(plan.items.map((planItem) => planItem.antiPattern)).not.toContain('missing-deployment-pipeline');
    const ownWords = index.antiPatterns.get('manual-deployments')!.fix.find((fixStep) => fixStep.id === 'deploy-from-ci')!;
    const placed = step(plan, 'manual-deployments/deploy-from-ci');
    expect(placed.duplicateOf).toBeNull();
    expect(placed.title).toBe(ownWords.title);
  });

  it('no two plans end on the same step, and "run the tests on every push" is written once in the knowledge', () => {
    const endings = [...index.antiPatterns.values()].map((antiPattern) => antiPattern.fix.filter((fixStep) => !fixStep.sameAs).at(-1)!.title);
    expect(new Set(endings).size).toBe(endings.length);
    const everyPush = [...index.antiPatterns.values()].flatMap((antiPattern) =>
      antiPattern.fix.filter((fixStep) => !fixStep.sameAs && fixStep.actions.some((action) => /on (every|each) (push|commit)/i.test(action))),
    );
    expect(everyPush.map((fixStep) => fixStep.id)).toEqual(['tests-on-every-push']);
  });
});

describe('the plan says which causes it leaves out (issue 13 item 5)', () => {
  const cause = (id: string, confidence: number): RankedCause => ({
    id,
    title: index.antiPatterns.get(id)!.title,
    category: index.antiPatterns.get(id)!.category,
    risk: index.antiPatterns.get(id)!.risk,
    confidence,
    logOdds: Math.log(confidence / (1 - confidence)),
    explains: [],
    evidence: [],
    drivenBy: [],
  });
  /** Causes without prerequisites, so nothing else is pulled into the plan. */
  const independent = () => index.knowledge.antiPatterns.filter((antiPattern) => antiPattern.prerequisites.length === 0).map((antiPattern) => antiPattern.id);
  const ranked = (confidences: number[]) => independent().slice(0, confidences.length).map((id, position) => cause(id, confidences[position]!));

  it('never cuts a tie: a sixth cause level with the fifth is planned too', () => {
    const ranking = ranked([0.9, 0.85, 0.8, 0.75, 0.6, 0.6, 0.55]);
    const plan = buildPlan(index, ranking);
    expect(plan.items.map((item) => item.antiPattern).sort()).toEqual(ranking.slice(0, 6).map((entry) => entry.id).sort());
    expect(plan.omitted).toEqual([{ antiPattern: ranking[6]!.id, confidence: 0.55, reason: 'beyond-the-limit' }]);
  });

  it('lists the weaker causes it does not plan, with the reason, and leaves out the negligible ones', () => {
    const ranking = ranked([0.9, 0.3, 0.1]);
    const plan = buildPlan(index, ranking);
    expect(plan.items.map((item) => item.antiPattern)).toEqual([ranking[0]!.id]);
    expect(plan.omitted).toEqual([{ antiPattern: ranking[1]!.id, confidence: 0.3, reason: 'not-confident' }]);
  });

  it('plans a cause the team added, and says so', () => {
    const ranking = ranked([0.9, 0.3, 0.1]);
    const plan = buildPlan(index, ranking, [ranking[2]!.id, 'not-a-ranked-cause']);
    expect(plan.items.map((item) => item.antiPattern)).toContain(ranking[2]!.id);
    expect(plan.addedByTeam).toEqual([ranking[2]!.id]);
    expect(plan.omitted.map((omission) => omission.antiPattern)).toEqual([ranking[1]!.id]);
  });
});
