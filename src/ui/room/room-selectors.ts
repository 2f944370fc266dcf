import type { RankedCause } from '../../engine/diagnosis-schema.js';
import { problemAnswer } from '../../engine/parse-session.js';
import { rankCauses } from '../../engine/rank-causes.js';
import { isSplit, roomAnswer, tallyOf } from '../../engine/room-answers.js';
import { answerWeights } from '../../engine/room-session.js';
import type { Tally } from '../../engine/session-schema.js';
import type { UiEnv } from '../selectors.js';
import type { State } from '../state.js';
import type { RoomState } from './room-state.js';

/** How far each counted question's answer counts, for the engine's ranking. */
export function roomWeights(room: RoomState | undefined, env: UiEnv): Record<string, number> {
  if (!room) return {};
  return answerWeights(env.index, { responses: Object.fromEntries(Object.entries(room.tallies).map(([id, tally]) => [id, { tally }])) });
}

/** The hands counted so far on the question on screen. */
export function pendingTally(room: RoomState): Tally {
  return tallyOf(room.pending);
}

/** The ranking as it would stand if the hands up now were the room's answer: it moves as hands go up. */
export function liveRanking(state: State, env: UiEnv, question: string | undefined): RankedCause[] {
  const room = state.room!;
  const weights = roomWeights(room, env);
  const answers = { ...state.answers };
  if (question && room.pending.length > 0) {
    const { answer, weight } = roomAnswer(pendingTally(room), problemAnswer(env.index, question));
    answers[question] = answer;
    weights[question] = weight;
  }
  return rankCauses(env.index, state.symptoms, answers, weights);
}

export function pendingSplit(room: RoomState): boolean {
  return isSplit(pendingTally(room));
}

export function dotsPlaced(room: RoomState): number {
  return Object.values(room.votes).reduce((sum, dots) => sum + dots, 0);
}
