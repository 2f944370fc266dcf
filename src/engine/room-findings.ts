import { compareText } from '../source/compare-text.js';
import type { Answer } from '../knowledge/schema-primitives.js';
import { questionTests } from './answer-effects.js';
import type { RankedCause } from './diagnosis-schema.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { problemAnswer } from './parse-session.js';
import { isSplit, roomAnswer, tallyTotal } from './room-answers.js';
import { voteResult, type VoteResult } from './room-vote.js';
import type { Session, Tally } from './session-schema.js';

export type QuestionTally = {
  question: string;
  tally: Tally;
  /** What the engine used: the room's effective answer and how far it counted (0 to 1). */
  answer: Answer;
  weight: number;
  split: boolean;
  /** The causes this question tests, highest ranked first: what a settled answer would move. */
  moves: string[];
};

export type RoomFindings = {
  /** How many people took part, when known (room size, respondents, or the largest show of hands). */
  people: number | null;
  tallies: QuestionTally[];
  /** The questions that split the room (see splitRule), the one touching the highest-ranked cause first. */
  disagreements: QuestionTally[];
  vote: VoteResult | null;
};

/** What several voices add to a diagnosis; undefined for a one-voice session without a vote. */
export function roomFindings(index: KnowledgeIndex, session: Session, ranking: readonly RankedCause[]): RoomFindings | undefined {
  const responses = Object.entries(session.responses ?? {});
  if (responses.length === 0 && !session.votes && !session.respondents && !session.room) return undefined;
  const rankOf = new Map(ranking.map((cause, position) => [cause.id, position]));
  const position = (id: string) => rankOf.get(id) ?? Number.MAX_SAFE_INTEGER;
  const tallies = responses
    .sort(([a], [b]) => compareText(a, b))
    .map(([question, { tally }]): QuestionTally => {
      const { answer, weight } = roomAnswer(tally, problemAnswer(index, question));
      const tested = index.questions.get(question) ? questionTests(index.questions.get(question)!) : [];
      const moves = tested.sort((a, b) => position(a) - position(b) || compareText(a, b));
      return { question, tally, answer, weight, split: isSplit(tally), moves };
    });
  const firstMoved = (entry: QuestionTally) => Math.min(...entry.moves.map(position));
  const disagreements = tallies.filter((entry) => entry.split).sort((a, b) => firstMoved(a) - firstMoved(b) || compareText(a.question, b.question));
  const people = session.room?.people ?? session.respondents?.length ?? (tallies.length > 0 ? Math.max(...tallies.map((entry) => tallyTotal(entry.tally))) : null);
  return { people, tallies, disagreements, vote: session.votes ? voteResult(session.votes, ranking) : null };
}
