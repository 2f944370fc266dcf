import type { KnowledgeIndex } from './knowledge-index.js';
import { problemAnswer } from './parse-session.js';
import { roomAnswer } from './room-answers.js';
import type { Session } from './session-schema.js';

/**
 * How far each answer counts, for the questions several people answered: the weight from
 * roomAnswer (1 for a unanimous room, less the more it splits). Questions answered with one
 * voice are absent and count fully.
 */
export function answerWeights(index: KnowledgeIndex, session: Pick<Session, 'responses'>): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const [id, response] of Object.entries(session.responses ?? {})) weights[id] = roomAnswer(response.tally, problemAnswer(index, id)).weight;
  return weights;
}
