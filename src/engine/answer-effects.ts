import type { Answer, Evidence, Question } from '../knowledge/schema.js';
import { strengthLogOdds } from './weights.js';

/** How far one answer moves each anti-pattern, in log-odds. */
export type Effect = { antiPattern: string; change: number };

const cache = new WeakMap<Question, Record<Answer, Effect[]>>();

function sum(evidence: readonly Evidence[], scale: number, into: Map<string, number>): void {
  for (const item of evidence) {
    const signed = (item.points === 'toward' ? 1 : -1) * strengthLogOdds[item.strength] * scale;
    into.set(item.antiPattern, (into.get(item.antiPattern) ?? 0) + signed);
  }
}

function toEffects(changes: Map<string, number>): Effect[] {
  return [...changes].filter(([, change]) => change !== 0).map(([antiPattern, change]) => ({ antiPattern, change }));
}

/**
 * "partly" moves half as far as the answer that signals a problem ("partly
 * automated" still has manual steps); "unsure" moves nothing.
 */
export function answerEffects(question: Question, answer: Answer): Effect[] {
  let effects = cache.get(question);
  if (!effects) {
    const yes = new Map<string, number>();
    const no = new Map<string, number>();
    sum(question.evidence.yes, 1, yes);
    sum(question.evidence.no, 1, no);
    const problem = raisedBy(yes) > raisedBy(no) ? question.evidence.yes : question.evidence.no;
    const partly = new Map<string, number>();
    sum(problem, 0.5, partly);
    effects = { yes: toEffects(yes), no: toEffects(no), partly: toEffects(partly), unsure: [] };
    cache.set(question, effects);
  }
  return effects[answer];
}

function raisedBy(changes: Map<string, number>): number {
  let total = 0;
  for (const change of changes.values()) total += Math.max(0, change);
  return total;
}

/** The answer a team without any of the anti-patterns the question tests would give. */
export function healthyAnswer(question: Question): 'yes' | 'no' {
  const raised = (answer: 'yes' | 'no') => answerEffects(question, answer).reduce((total, effect) => total + Math.max(0, effect.change), 0);
  return raised('yes') <= raised('no') ? 'yes' : 'no';
}

/** The anti-patterns a question can tell something about. */
export function questionTests(question: Question): string[] {
  const ids = new Set([...question.evidence.yes, ...question.evidence.no].map((item) => item.antiPattern));
  return [...ids];
}
