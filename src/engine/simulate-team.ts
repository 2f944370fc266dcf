import type { Answer, Question } from '../knowledge/schema.js';
import type { RankedCause, StopReason } from './diagnosis-schema.js';
import { questionNode } from './findings.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { nextQuestion, type InterviewMode } from './next-question.js';
import { analyse } from './rank-causes.js';

/**
 * How a team that really has these anti-patterns, and no others, answers a question: the problem
 * answer when a present cause points to it more strongly than any present cause points away.
 */
export function truthfulAnswer(question: Question, present: ReadonlySet<string>): Answer {
  const node = questionNode(question);
  const strongest = (links: readonly { antiPattern: string; probability: number }[]) =>
    Math.max(0, ...links.filter((link) => present.has(link.antiPattern)).map((link) => link.probability));
  const toward = strongest(node.toward);
  const problem = toward > 0 && toward >= strongest(node.inhibits);
  const healthy = node.problem === 'yes' ? 'no' : 'yes';
  return problem ? node.problem : healthy;
}

export type SimulatedInterview = { ranking: RankedCause[]; asked: number; reason: StopReason; answers: Record<string, Answer> };

/** Runs a whole interview against a simulated team; `answer` defaults to the truthful answer. */
export function simulateInterview(
  index: KnowledgeIndex,
  symptoms: readonly string[],
  present: ReadonlySet<string>,
  mode: InterviewMode = 'adaptive',
  answer: (question: Question) => Answer = (question) => truthfulAnswer(question, present),
): SimulatedInterview {
  const answers: Record<string, Answer> = {};
  for (;;) {
    const analysis = analyse(index, symptoms, answers);
    const step = nextQuestion(index, { symptoms, answers }, mode, analysis);
    if (step.done) return { ranking: analysis.ranking, asked: Object.keys(answers).length, reason: step.reason, answers };
    answers[step.question.id] = answer(step.question);
  }
}
