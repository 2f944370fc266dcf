import type { Answer } from '../knowledge/schema-primitives.js';
import type { Tally, TallyInput } from './session-schema.js';

/**
 * How a room's answers to one question count. Pure: no knowledge needed beyond which answer
 * signals a problem for the question.
 */

export const emptyTally: Tally = { yes: 0, no: 0, partly: 0, unsure: 0 };
const order = ['yes', 'no', 'partly', 'unsure'] as const;

export function fullTally(input: TallyInput): Tally {
  return { yes: input.yes ?? 0, no: input.no ?? 0, partly: input.partly ?? 0, unsure: input.unsure ?? 0 };
}

export function tallyOf(answers: Iterable<Answer>): Tally {
  const tally = { ...emptyTally };
  for (const answer of answers) tally[answer] += 1;
  return tally;
}

export function tallyTotal(tally: Tally): number {
  return tally.yes + tally.no + tally.partly + tally.unsure;
}

/** What the engine consumes: one answer, and how far (0 to 1) that answer's evidence counts. */
export type RoomAnswer = { answer: Answer; weight: number };

/**
 * A unanimous room counts exactly like one person giving that answer. Otherwise each side's
 * support is counted over everyone asked: the problem answer 1, "partly" half of it (as for one
 * person), the healthy answer 1 the other way, "unsure" neither way (but it still counts among
 * the people asked, so a mostly unsure room moves little). The side with more support is the
 * effective answer and the margin between the sides is its weight: 5 problem and 2 healthy
 * answers among 8 people count 3/8 of one problem answer; 4 against 4 count nothing.
 */
export function roomAnswer(tally: Tally, problem: 'yes' | 'no'): RoomAnswer {
  const total = tallyTotal(tally);
  if (total === 0) return { answer: 'unsure', weight: 0 };
  const given = order.filter((answer) => tally[answer] > 0);
  if (given.length === 1) return { answer: given[0]!, weight: given[0] === 'unsure' ? 0 : 1 };
  const healthy = problem === 'yes' ? 'no' : 'yes';
  const margin = (tally[problem] + tally.partly / 2 - tally[healthy]) / total;
  if (margin > 0) return { answer: problem, weight: margin };
  if (margin < 0) return { answer: healthy, weight: -margin };
  return { answer: 'unsure', weight: 0 };
}

/**
 * Disagreement is a finding: a question splits the room when at least `minRespondents` people
 * answered it and no single answer has more than `maxShare` of their answers ("unsure" included,
 * since a room that cannot say is not agreeing either).
 */
export const splitRule = { minRespondents: 3, maxShare: 0.6 } as const;

export function isSplit(tally: Tally): boolean {
  const total = tallyTotal(tally);
  if (total < splitRule.minRespondents) return false;
  return Math.max(...order.map((answer) => tally[answer])) <= splitRule.maxShare * total;
}

/** "yes 5 · no 2 · unsure 1": the answers given, always in this order so questions compare at a glance. */
export function formatTally(tally: Tally): string {
  return order
    .filter((answer) => tally[answer] > 0)
    .map((answer) => `${answer} ${tally[answer]}`)
    .join(' · ');
}
