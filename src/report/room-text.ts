import type { Baseline, BaselineEntry, Placement } from '../engine/dora-baseline.js';
import type { Diagnosis } from '../engine/diagnose.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { formatTally, splitRule } from '../engine/room-answers.js';
import type { QuestionTally } from '../engine/room-findings.js';
import type { MetricKey } from '../engine/session-schema.js';
import { count } from '../source/count.js';

/** Words for the room's findings, shared by the Markdown and JSON reports (and the app). */

export const splitRuleText = `A question splits the room when at least ${splitRule.minRespondents} people answered it and no answer got more than ${Math.round(splitRule.maxShare * 100)}% of them.`;

export const metricLabels: Record<MetricKey, string> = {
  deploymentFrequency: 'deployment frequency',
  leadTime: 'lead time for changes',
  changeFailureRate: 'change failure rate',
  recoveryTime: 'failed deployment recovery time',
  reworkRate: 'rework rate',
};

/** The retrospective question a split raises: what each side has seen. */
export function disagreementRetroQuestion(entry: QuestionTally, index: KnowledgeIndex): string {
  const text = index.questions.get(entry.question)?.text ?? entry.question;
  return `The room split on "${text}" (${formatTally(entry.tally)}): what has each side seen that the others have not, and how could we find out who is right?`;
}

export function causeTitles(ids: readonly string[], index: KnowledgeIndex): string[] {
  return ids.map((id) => index.antiPatterns.get(id)?.title ?? id);
}

/** "The team chose X first", and why the plan may still open with a prerequisite. */
export function voteSentence(diagnosis: Diagnosis, index: KnowledgeIndex): string | undefined {
  const vote = diagnosis.room?.vote;
  if (!vote) return undefined;
  if (!vote.chosenFirst) return 'The team voted, but on none of the ranked causes, so the plan follows the ranking.';
  const chosen = index.antiPatterns.get(vote.chosenFirst)?.title ?? vote.chosenFirst;
  const total = vote.dots.reduce((sum, entry) => sum + entry.dots, 0);
  const top = vote.dots.find((entry) => entry.antiPattern === vote.chosenFirst)!;
  const voters = vote.voters !== null ? ` from ${people(vote.voters)}` : '';
  let sentence = `The team chose ${chosen} first (${count(top.dots, 'dot')} of ${total}${voters}).`;
  const first = diagnosis.plan.items[0];
  if (first && first.antiPattern !== vote.chosenFirst && first.prerequisiteOf.length > 0) {
    sentence += ` The plan opens with ${first.title} because the fixes chosen depend on it.`;
  }
  return sentence;
}

export const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

const clusterList = (clusters: readonly string[]) =>
  clusters.length === 1 ? `the ${clusters[0]} cluster` : `the ${clusters.slice(0, -1).join(', ')} and ${clusters.at(-1)} clusters`;

export function placementText(placement: Placement, year: number): string {
  switch (placement.kind) {
    case 'within':
      return placement.clusters.length === 1
        ? `within the ${placement.clusters[0]} cluster's published range`
        : `within the range published for both ${clusterList(placement.clusters).replace(/^the /, 'the ')}`;
    case 'between':
      return `between the ${placement.better} and ${placement.worse} clusters (the ${year} report publishes no range in between)`;
    case 'beyond-low':
      return `beyond the low cluster's published range`;
    case 'nearest':
      return `closest to the typical rate of ${clusterList(placement.clusters)}`;
    case 'no-tier':
      return 'no published tier; tracked as a baseline only';
  }
}

/** "monthly today", for tying a fix plan metric to where the team stands. */
export function todayText(entry: BaselineEntry): string {
  return `${entry.today} today`;
}

export function baselineIntro(baseline: Baseline): string {
  return `Self-reported by the team and placed against the software delivery performance clusters of the ${baseline.report} (${baseline.source}). ${baseline.note}`;
}
