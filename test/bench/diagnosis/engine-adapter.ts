// The only file of the diagnosis evaluation that calls the engine. When the engine's API changes, only this
// file changes; the simulation, the real cases and the scorer stay as they are.
import { indexKnowledge, type KnowledgeIndex } from '../../../src/engine/knowledge-index.js';
import { nextQuestion } from '../../../src/engine/next-question.js';
import { rankCauses } from '../../../src/engine/rank-causes.js';
import { simulateInterview } from '../../../src/engine/simulate-team.js';
import type { Answer, Knowledge } from '../../../src/knowledge/schema.js';

/** The engine's prepared form of the knowledge, opaque to the evaluation. */
export type EngineIndex = KnowledgeIndex;

/** What a team has told the engine so far. */
export type EngineSession = { symptoms: readonly string[]; answers: Readonly<Record<string, Answer>> };

/** One ranked cause as the report would show it: id and confidence (0 to 1), best first. */
export type RankedCause = { id: string; confidence: number };

export type NextStep = { done: true } | { done: false; questionId: string };

export function prepare(knowledge: Knowledge): EngineIndex {
  return indexKnowledge(knowledge);
}

/** The ranking the report would show for this session, best first. */
export function rank(index: EngineIndex, session: EngineSession): RankedCause[] {
  return rankCauses(index, session.symptoms, session.answers).map((cause) => ({ id: cause.id, confidence: cause.confidence }));
}

/** The engine's next question in an adaptive interview, or done when the engine would stop. */
export function next(index: EngineIndex, session: EngineSession): NextStep {
  const step = nextQuestion(index, session, 'adaptive');
  return step.done ? { done: true } : { done: false, questionId: step.question.id };
}

/**
 * The old single-anti-pattern check: a team with exactly one anti-pattern, reporting one symptom that lists it,
 * answering every question the way the engine's own evidence expects. Kept as a regression check only: it grades
 * the model against itself, so it says nothing about real teams.
 */
export function singleCauseInterview(index: EngineIndex, symptom: string, antiPattern: string): { first: string | undefined; asked: number; rankOf: number } {
  const interview = simulateInterview(index, [symptom], new Set([antiPattern]));
  return { first: interview.ranking[0]?.id, asked: interview.asked, rankOf: interview.ranking.findIndex((cause) => cause.id === antiPattern) + 1 };
}
