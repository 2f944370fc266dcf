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

/** The last week of an anti-pattern's fixed (not ongoing) steps: when what depends on it can start. */
function foundationWeeks(steps: readonly FixStep[]): number {
  return Math.max(1, ...steps.map((step) => weekSpan(step.weeks).to ?? 0));
}

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
 * Orders the leading causes by priority, pulls in prerequisites the answers have
 * not ruled out (a prerequisite comes first even when ranked lower), and lays
 * their fix steps on one calendar.
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
      if (cause && cause.confidence > prerequisiteKeptAbove) include(prerequisite, id);
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
  const items: PlanItem[] = [];
  const finishes = new Map<string, number>();
  let nextStart = 1;
  for (const id of ordered) {
    const antiPattern = index.antiPatterns.get(id)!;
    const afterPrerequisites = antiPattern.prerequisites
      .filter((prerequisite) => finishes.has(prerequisite))
      .map((prerequisite) => finishes.get(prerequisite)! + 1);
    const startWeek = Math.max(nextStart, ...afterPrerequisites);
    finishes.set(id, startWeek + foundationWeeks(antiPattern.fix) - 1);
    const steps = placeSteps(antiPattern, startWeek);
    // Independent fixes overlap, but each starts once the previous one's first step is done.
    nextStart = Math.max(nextStart, (steps[0]?.to ?? startWeek) + 1);
    items.push({
      antiPattern: id,
      title: antiPattern.title,
      risk: antiPattern.risk,
      confidence: causeOf.get(id)!.confidence,
      startWeek,
      prerequisiteOf: (prerequisiteOf.get(id) ?? []).sort(),
      steps,
    });
  }

  const timeline = items
    .flatMap((item) => item.steps)
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

function placeSteps(antiPattern: AntiPattern, startWeek: number): PlanStep[] {
  const lastFixed = foundationWeeks(antiPattern.fix);
  return antiPattern.fix.map((step) => {
    const span = weekSpan(step.weeks);
    const from = span.to === null ? startWeek + lastFixed : startWeek + span.from - 1;
    return {
      antiPattern: antiPattern.id,
      weeks: step.weeks,
      title: step.title,
      actions: step.actions,
      from,
      to: span.to === null ? null : startWeek + span.to - 1,
    };
  });
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
