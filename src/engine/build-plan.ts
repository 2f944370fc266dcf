import type { AntiPattern, FixStep } from '../knowledge/schema.js';
import type { Plan, PlanItem, PlanOmission, PlanStep, RankedCause } from './diagnosis-schema.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { leadingAt, maxLeadingCauses, omissionShownAbove, prerequisiteKeptAbove } from './weights.js';

/** "Week 2" -> 2..2, "Weeks 2-3" -> 2..3, "Ongoing" -> open-ended. */
export function weekSpan(weeks: string): { from: number; to: number | null } {
  const single = /^Week (\d+)$/.exec(weeks);
  if (single) return { from: Number(single[1]), to: Number(single[1]) };
  const range = /^Weeks (\d+)-(\d+)$/.exec(weeks);
  if (range) return { from: Number(range[1]), to: Number(range[2]) };
  return { from: 0, to: null };
}

/** The id a plan, a report and an answers file's `done:` list give one fix step: "anti-pattern-id/step-id". */
export const fixStepId = (antiPattern: string, step: string) => `${antiPattern}/${step}`;

/** Two causes the report shows with the same percentage are tied: a plan never takes one and drops the other. */
const tied = (a: RankedCause, b: RankedCause) => Math.round(a.confidence * 100) === Math.round(b.confidence * 100);

/** The first `count` causes, and any that tie with the last of them. */
function topWithTies(causes: readonly RankedCause[], count: number): RankedCause[] {
  const top = causes.slice(0, count);
  const last = top.at(-1);
  return last ? [...top, ...causes.slice(count).filter((cause) => tied(cause, last))] : top;
}

/** The causes the plan is about: the confident ones, or the best few when nothing is confident yet. */
export function leadingCauses(ranking: readonly RankedCause[]): RankedCause[] {
  const confident = topWithTies(
    ranking.filter((cause) => cause.confidence >= leadingAt),
    maxLeadingCauses,
  );
  return confident.length > 0 ? confident : topWithTies(ranking, 2);
}

/** Why a ranked cause has no place in the plan, so the report can say so instead of leaving it out silently. */
function omissionReason(cause: RankedCause, leading: readonly RankedCause[]): PlanOmission['reason'] {
  if (cause.confidence >= leadingAt && leading.some((lead) => lead.confidence >= leadingAt)) return 'beyond-the-limit';
  return 'not-confident';
}

/**
 * A prerequisite joins the plan when it is reasonably likely, or when what the team answered about it
 * points toward it (a "partly" the ranking alone would leave below the line). Unasked and unlikely, or
 * answered away, it stays out.
 */
function keptAsPrerequisite(cause: RankedCause): boolean {
  const answered = cause.evidence.filter((entry) => entry.source !== 'symptom').reduce((sum, entry) => sum + entry.change, 0);
  return cause.confidence > prerequisiteKeptAbove || answered > 0;
}

/**
 * Orders the leading causes by priority, pulls in their prerequisites (see
 * keptAsPrerequisite; a prerequisite comes first even when ranked lower), and lays
 * their fix steps on one calendar: only the steps that need a prerequisite wait
 * for it, and work that two fixes share is listed once.
 */
export function buildPlan(
  index: KnowledgeIndex,
  ranking: readonly RankedCause[],
  addedByTeam: readonly string[] = [],
  /** The team's dot vote (room-vote.ts): voted causes join the plan and lead it, most dots first. */
  dots: Readonly<Record<string, number>> = {},
): Plan {
  const rankOf = new Map(ranking.map((cause, position) => [cause.id, position]));
  const causeOf = new Map(ranking.map((cause) => [cause.id, cause]));
  const prerequisiteOf = new Map<string, string[]>();
  const chosen = new Set<string>();

  const include = (id: string, dependant?: string) => {
    if (dependant) prerequisiteOf.set(id, [...(prerequisiteOf.get(id) ?? []), dependant]);
    if (chosen.has(id)) return;
    chosen.add(id);
    for (const prerequisite of index.antiPatterns.get(id)?.prerequisites ?? []) {
      const cause = causeOf.get(prerequisite);
      if (cause && keptAsPrerequisite(cause)) include(prerequisite, id);
    }
  };
  const leading = leadingCauses(ranking);
  leading.forEach((cause) => include(cause.id));
  const added = addedByTeam.filter((id) => causeOf.has(id) && !chosen.has(id));
  added.forEach((id) => include(id));
  const voted = Object.keys(dots).filter((id) => (dots[id] ?? 0) > 0 && causeOf.has(id)).sort();
  voted.forEach((id) => include(id));

  const byRank = (id: string) => rankOf.get(id) ?? Number.MAX_SAFE_INTEGER;
  const ordered = prerequisitesFirst([...chosen], index, voted.length > 0 ? votePriority(ranking, dots, prerequisiteOf) : byRank);
  const calendar: Calendar = { index, planned: new Set(ordered), finishes: new Map(), listed: new Map() };
  const items: PlanItem[] = [];
  let nextStart = 1;
  for (const id of ordered) {
    const antiPattern = index.antiPatterns.get(id)!;
    const steps = placeSteps(antiPattern, nextStart, calendar);
    calendar.finishes.set(id, lastFixedWeek(steps));
    // Independent fixes overlap, but each starts once the previous one's first step is done;
    // a first step that waits, or is done elsewhere in the plan, keeps nobody busy and holds nothing back.
    const first = steps[0]!;
    if (first.needs.length === 0 && first.duplicateOf === null) nextStart = Math.max(nextStart, (first.to ?? first.from) + 1);
    items.push({
      antiPattern: id,
      title: antiPattern.title,
      risk: antiPattern.risk,
      confidence: causeOf.get(id)!.confidence,
      startWeek: Math.min(...steps.map((step) => step.from)),
      prerequisiteOf: (prerequisiteOf.get(id) ?? []).sort(),
      steps,
    });
  }

  const timeline = items
    .flatMap((item) => item.steps.filter((step) => step.duplicateOf === null))
    .sort((a, b) => timelineOrder(a) - timelineOrder(b) || ordered.indexOf(a.antiPattern) - ordered.indexOf(b.antiPattern));
  return {
    items,
    addedByTeam: added,
    omitted: ranking
      .filter((cause) => !chosen.has(cause.id) && cause.confidence >= omissionShownAbove)
      .map((cause) => ({ antiPattern: cause.id, confidence: cause.confidence, reason: omissionReason(cause, leading) })),
    timeline,
    weekOne: timeline.filter((step) => step.from === 1),
    metrics: mergedMetrics(items, index),
    objections: items.flatMap((item) =>
      index.antiPatterns.get(item.antiPattern)!.objections.map((objection) => ({ antiPattern: item.antiPattern, ...objection })),
    ),
    retroQuestions: items.flatMap((item) =>
      index.antiPatterns.get(item.antiPattern)!.retroQuestions.map((question) => ({ antiPattern: item.antiPattern, question })),
    ),
  };
}

const lastFixedWeek = (steps: readonly PlanStep[]) => Math.max(0, ...steps.map((step) => step.to ?? 0));

type Calendar = {
  index: KnowledgeIndex;
  /** The anti-patterns in this plan. */
  planned: ReadonlySet<string>;
  /** The week each placed anti-pattern's fixed steps end, and each placed step ends, keyed by id. */
  finishes: Map<string, number>;
  /** The first step placed for each piece of shared work (a step's `sameAs`, or its own id). */
  listed: Map<string, PlanStep>;
};

/**
 * Lays one anti-pattern's steps on the calendar from `start`. A step that needs a prerequisite
 * already in the plan waits until that prerequisite (or that one step of it) is done, and the
 * steps after it keep their spacing behind it; steps before it start on schedule. Work already
 * listed for an earlier fix is not listed again: the step points at it and shares its weeks.
 * Ongoing work starts once the fixed steps are done.
 */
function placeSteps(antiPattern: AntiPattern, start: number, calendar: Calendar): PlanStep[] {
  const { finishes, listed } = calendar;
  let delay = 0;
  const steps: PlanStep[] = [];
  const afterFixed = () => Math.max(start, lastFixedWeek(steps) + 1);
  for (const step of antiPattern.fix) {
    const id = fixStepId(antiPattern.id, step.id);
    const key = step.sameAs ?? id;
    const needs = step.needs.filter((need) => finishes.has(need));
    const ready = Math.max(0, ...needs.map((need) => finishes.get(need)! + 1));
    const span = weekSpan(step.weeks);
    const planned = span.to === null ? afterFixed() : start + span.from - 1;
    const first = listed.get(key);
    let placed: PlanStep;
    if (first) {
      placed = { ...planStep(antiPattern.id, step, step, needs, first.from, first.to), duplicateOf: first.id };
    } else if (span.to === null) {
      placed = planStep(antiPattern.id, step, sharedWork(step, calendar), needs, Math.max(planned, ready), null);
    } else {
      delay = Math.max(delay, ready - planned);
      placed = planStep(antiPattern.id, step, sharedWork(step, calendar), needs, planned + delay, start + span.to - 1 + delay);
    }
    if (first && span.to !== null) delay = Math.max(delay, first.from - planned);
    if (!first) listed.set(key, placed);
    if (placed.to !== null) finishes.set(id, placed.to);
    steps.push(placed);
  }
  return steps;
}

/** A step that is the same work as another fix's step says it in that step's words whenever that fix is in the plan too. */
function sharedWork(step: FixStep, calendar: Calendar): Pick<FixStep, 'title' | 'actions'> {
  if (!step.sameAs) return step;
  const [antiPattern, stepId] = step.sameAs.split('/');
  if (!calendar.planned.has(antiPattern!)) return step;
  return calendar.index.antiPatterns.get(antiPattern!)?.fix.find((candidate) => candidate.id === stepId) ?? step;
}

function planStep(antiPattern: string, step: FixStep, words: Pick<FixStep, 'title' | 'actions'>, needs: string[], from: number, to: number | null): PlanStep {
  const { title, actions } = words;
  return { id: fixStepId(antiPattern, step.id), antiPattern, weeks: step.weeks, title, actions, from, to, needs, duplicateOf: null };
}

/**
 * More dots first, then rank. A prerequisite takes on the priority of the most urgent fix waiting
 * for it, so the team's first choice is preceded only by what it truly needs.
 */
function votePriority(ranking: readonly RankedCause[], dots: Readonly<Record<string, number>>, dependantsOf: ReadonlyMap<string, string[]>) {
  const positions = new Map(ranking.map((cause, position) => [cause.id, position]));
  const own = (id: string) => -(dots[id] ?? 0) * (ranking.length + 1) + (positions.get(id) ?? ranking.length);
  const memo = new Map<string, number>();
  const urgency = (id: string, path: ReadonlySet<string>): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    let value = own(id);
    for (const dependant of dependantsOf.get(id) ?? []) if (!path.has(dependant)) value = Math.min(value, urgency(dependant, new Set([...path, id])));
    memo.set(id, value);
    return value;
  };
  return (id: string) => urgency(id, new Set([id]));
}

const timelineOrder = (step: PlanStep) => step.from * 2 + (step.to === null ? 1 : 0);

/** Topological order that always takes the highest-priority item whose prerequisites are placed. */
function prerequisitesFirst(ids: string[], index: KnowledgeIndex, priority: (id: string) => number): string[] {
  const remaining = new Set(ids);
  const placed: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining]
      .filter((id) => index.antiPatterns.get(id)!.prerequisites.every((prerequisite) => !remaining.has(prerequisite)))
      .sort((a, b) => priority(a) - priority(b));
    // Knowledge validation rejects cycles; the fallback only keeps this total.
    const next = ready[0] ?? [...remaining].sort((a, b) => priority(a) - priority(b))[0]!;
    placed.push(next);
    remaining.delete(next);
  }
  return placed;
}

function mergedMetrics(items: readonly PlanItem[], index: KnowledgeIndex): Plan['metrics'] {
  const byName = new Map<string, Plan['metrics'][number]>();
  for (const item of items) {
    for (const metric of index.antiPatterns.get(item.antiPattern)!.metrics) {
      const key = metric.dora ?? metric.name.toLowerCase();
      const existing = byName.get(key);
      if (existing) existing.antiPatterns.push(item.antiPattern);
      else byName.set(key, { ...metric, antiPatterns: [item.antiPattern] });
    }
  }
  return [...byName.values()];
}
