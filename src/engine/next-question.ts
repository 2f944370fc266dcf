import type { Answer, Question } from '../knowledge/schema.js';
import { answerEffects, healthyAnswer } from './answer-effects.js';
import type { RankedCause, StopReason } from './diagnosis-schema.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { rankCauses } from './rank-causes.js';
import { answerReliability, confirmedAt, negligibleGain, settledDepth, unlikelyBelow } from './weights.js';

export type InterviewMode = 'adaptive' | 'all';

export type NextStep =
  | { done: false; question: Question; gain: number; asked: number; remaining: number }
  | { done: true; reason: StopReason; explanation: string; asked: number; remaining: number };

type Input = { symptoms: readonly string[]; answers: Readonly<Record<string, Answer>> };

/** Questions the chosen symptoms need, each once, in the order the symptoms list them. */
export function relevantQuestions(index: KnowledgeIndex, symptoms: readonly string[]): Question[] {
  const seen = new Set<string>();
  const questions: Question[] = [];
  for (const symptomId of symptoms) {
    for (const questionId of index.symptoms.get(symptomId)?.questions ?? []) {
      const question = index.questions.get(questionId);
      if (question && !seen.has(questionId)) {
        seen.add(questionId);
        questions.push(question);
      }
    }
  }
  return questions;
}

/**
 * Picks the unanswered question with the highest expected information gain over
 * the current ranking, or says why the interview can stop.
 */
export function nextQuestion(index: KnowledgeIndex, input: Input, mode: InterviewMode = 'adaptive', ranking = rankCauses(index, input.symptoms, input.answers)): NextStep {
  const questions = relevantQuestions(index, input.symptoms);
  const open = questions.filter((question) => !(question.id in input.answers));
  const asked = questions.length - open.length;
  const remaining = open.length;
  if (open.length === 0) {
    return { done: true, reason: 'no-questions-left', explanation: 'Every question these symptoms raise has been answered.', asked, remaining };
  }
  if (mode === 'adaptive') {
    const settled = settledExplanation(ranking);
    if (settled) return { done: true, reason: 'settled', explanation: settled, asked, remaining };
  }

  const hypotheses = ranking.filter((cause) => cause.explains.length > 0);
  let best: { question: Question; gain: number } | undefined;
  for (const question of open) {
    const gain = expectedGain(question, hypotheses);
    if (!best || gain > best.gain + 1e-12) best = { question, gain };
  }
  if (mode === 'adaptive' && best!.gain < negligibleGain) {
    return {
      done: true,
      reason: 'negligible-gain',
      explanation: 'No remaining question would change the ranking enough to be worth asking.',
      asked,
      remaining,
    };
  }
  return { done: false, question: best!.question, gain: best!.gain, asked, remaining };
}

function settledExplanation(ranking: readonly RankedCause[]): string | undefined {
  const top = ranking.slice(0, settledDepth);
  const confirmed = top.filter((cause) => cause.confidence >= confirmedAt);
  if (confirmed.length === 0) return undefined;
  if (top.some((cause) => cause.confidence > unlikelyBelow && cause.confidence < confirmedAt)) return undefined;
  const names = confirmed.map((cause) => cause.title).join(', ');
  return `The leading causes are settled: ${names} confirmed, and the other top causes are unlikely.`;
}

/** The single-root-cause distribution implied by the log-odds (a softmax). */
function distribution(logOdds: readonly number[]): number[] {
  const max = Math.max(...logOdds);
  const weights = logOdds.map((value) => Math.exp(value - max));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

/** Entropy in bits of that distribution. */
function entropy(logOdds: readonly number[]): number {
  return distribution(logOdds).reduce((bits, p) => (p > 0 ? bits - p * Math.log2(p) : bits), 0);
}

/**
 * Under each hypothesis "this cause is the root", a team most likely gives the
 * answer the evidence expects of that cause, or the healthy answer when the
 * question says nothing about it.
 */
export function expectedAnswer(question: Question, antiPattern: string): 'yes' | 'no' {
  const change = (answer: 'yes' | 'no') => answerEffects(question, answer).find((effect) => effect.antiPattern === antiPattern)?.change ?? 0;
  const yes = change('yes');
  const no = change('no');
  if (yes !== no) return yes > no ? 'yes' : 'no';
  return healthyAnswer(question);
}

function expectedGain(question: Question, hypotheses: readonly RankedCause[]): number {
  if (hypotheses.length < 2) return 0;
  const prior = hypotheses.map((cause) => cause.logOdds);
  const probabilities = distribution(prior);
  let expectedPosterior = 0;
  for (const answer of ['yes', 'no'] as const) {
    const changes = new Map(answerEffects(question, answer).map((effect) => [effect.antiPattern, effect.change]));
    let pAnswer = 0;
    hypotheses.forEach((cause, i) => {
      const likely = expectedAnswer(question, cause.id) === answer;
      pAnswer += probabilities[i]! * (likely ? answerReliability : 1 - answerReliability);
    });
    const posterior = prior.map((logOdds, i) => logOdds + (changes.get(hypotheses[i]!.id) ?? 0));
    expectedPosterior += pAnswer * entropy(posterior);
  }
  return Math.max(0, entropy(prior) - expectedPosterior);
}
