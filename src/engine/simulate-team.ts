import type { Answer, Question } from '../knowledge/schema.js';
import { answerEffects, healthyAnswer, questionTests } from './answer-effects.js';
import type { RankedCause, StopReason } from './diagnosis-schema.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { nextQuestion, type InterviewMode } from './next-question.js';
import { rankCauses } from './rank-causes.js';

/** How a team that really has these anti-patterns, and no others, answers a question. */
export function truthfulAnswer(question: Question, present: ReadonlySet<string>): Answer {
  if (!questionTests(question).some((id) => present.has(id))) return healthyAnswer(question);
  const support = (answer: 'yes' | 'no') =>
    answerEffects(question, answer).reduce((sum, effect) => sum + (present.has(effect.antiPattern) ? effect.change : 0), 0);
  return support('yes') >= support('no') ? 'yes' : 'no';
}

export type SimulatedInterview = { ranking: RankedCause[]; asked: number; reason: StopReason; answers: Record<string, Answer> };

/** Runs a whole interview against a simulated team; used by the diagnosis benchmark and its tests. */
export function simulateInterview(index: KnowledgeIndex, symptoms: readonly string[], present: ReadonlySet<string>, mode: InterviewMode = 'adaptive'): SimulatedInterview {
  const answers: Record<string, Answer> = {};
  for (;;) {
    const ranking = rankCauses(index, symptoms, answers);
    const step = nextQuestion(index, { symptoms, answers }, mode, ranking);
    if (step.done) return { ranking, asked: Object.keys(answers).length, reason: step.reason, answers };
    answers[step.question.id] = truthfulAnswer(step.question, present);
  }
}
