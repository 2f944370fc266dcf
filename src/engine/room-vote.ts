import { compareText } from '../source/compare-text.js';
import type { RankedCause } from './diagnosis-schema.js';
import type { Votes } from './session-schema.js';

/** Dots per cause, from each person's dots or from the facilitator's tally. */
export function dotTally(votes: Votes): Record<string, number> {
  if ('tally' in votes) return { ...votes.tally };
  const dots: Record<string, number> = {};
  for (const placed of Object.values(votes.by)) for (const cause of placed) dots[cause] = (dots[cause] ?? 0) + 1;
  return dots;
}

export type VoteResult = {
  /** Causes with dots, most dots first; ties keep the diagnosis's ranking. */
  dots: { antiPattern: string; dots: number }[];
  /** How many people voted, when the dots carry names. */
  voters: number | null;
  /** The cause the team chose to fix first: the most dots among the ranked causes. */
  chosenFirst: string | null;
};

export function voteResult(votes: Votes, ranking: readonly RankedCause[]): VoteResult {
  const rankOf = new Map(ranking.map((cause, position) => [cause.id, position]));
  const position = (id: string) => rankOf.get(id) ?? Number.MAX_SAFE_INTEGER;
  const dots = Object.entries(dotTally(votes))
    .filter(([, count]) => count > 0)
    .map(([antiPattern, count]) => ({ antiPattern, dots: count }))
    .sort((a, b) => b.dots - a.dots || position(a.antiPattern) - position(b.antiPattern) || compareText(a.antiPattern, b.antiPattern));
  return {
    dots,
    voters: 'by' in votes ? Object.values(votes.by).filter((placed) => placed.length > 0).length : null,
    chosenFirst: dots.find((entry) => rankOf.has(entry.antiPattern))?.antiPattern ?? null,
  };
}
