import { compareText } from '../source/compare-text.js';
import type { Answer, Question } from '../knowledge/schema.js';
import type { StopReason } from './diagnosis-schema.js';
import { impliedAnswers, questionNode, questionTests } from './findings.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { compileNode, nodeProblem } from './posterior.js';
import type { AnswerWeights } from './findings.js';
import { analyse, ancestorsOf, upstreamListedAt, type Analysis } from './rank-causes.js';
import { answerLeak, answerWorthConsidering, defaultQuestionBudget, painHeadStart, painLeadsAt, positionWeights, settledDepth, supportedAt, watchedCauses } from './weights.js';

export type InterviewMode = 'adaptive' | 'all';

type Progress = { asked: number; remaining: number; budget: number };

export type NextStep =
  | ({ done: false; question: Question; gain: number; why: string } & Progress)
  | ({ done: true; reason: StopReason; explanation: string } & Progress);

type Input = {
  symptoms: readonly string[];
  answers: Readonly<Record<string, Answer>>;
  /** The question answered last; defaults to the last key of `answers` (answers files are appended to). */
  lastAnswered?: string;
  /** How far a room's answers count (findings.ts); absent for one voice. */
  weights?: AnswerWeights;
};

export type InterviewOptions = { budget?: number };

/**
 * The questions worth asking this team: every question that tests a currently plausible cause
 * (not only those of the chosen symptoms), except those a chosen symptom already answers.
 * The chosen symptoms' own questions come first, in the order they list them; then the others by id.
 */
export function relevantQuestions(index: KnowledgeIndex, symptoms: readonly string[], answers: Readonly<Record<string, Answer>> = {}, analysis = analyse(index, symptoms, answers)): Question[] {
  const implied = impliedAnswers(index, symptoms, answers);
  const seen = new Set<string>();
  const questions: Question[] = [];
  const add = (question: Question | undefined) => {
    if (question && !seen.has(question.id) && !implied.has(question.id)) {
      seen.add(question.id);
      questions.push(question);
    }
  };
  for (const symptomId of symptoms) for (const id of index.symptoms.get(symptomId)?.questions ?? []) add(index.questions.get(id));
  const extra: Question[] = [];
  analysis.posterior.candidates.forEach((id, i) => {
    if (analysis.listed[i] || analysis.posterior.marginals[i]! >= upstreamListedAt) extra.push(...(index.questionsTesting.get(id) ?? []));
  });
  for (const question of [...extra].sort((a, b) => compareText(a.id, b.id))) add(question);
  return questions;
}

type Context = {
  analysis: Analysis;
  bitOf: Map<string, number>;
  staticOrder: number[];
  ancestorMasks: number[];
  /** The combinations that carry the posterior (all but a thousandth of it), for scoring questions fast. */
  masks: Int32Array;
  weights: Float64Array;
  /** The leading causes whose certainty the tie-breaker watches, and how unsure we are about them now (bits). */
  watched: number[];
  watchedBits: number;
};

/** Drops combinations too unlikely to move any expectation; the rest is renormalised. */
function carryingMass(masks: Int32Array, weights: Float64Array): { masks: Int32Array; weights: Float64Array } {
  const order = Array.from(weights.keys()).sort((a, b) => weights[b]! - weights[a]! || a - b);
  const kept: number[] = [];
  let mass = 0;
  for (const m of order) {
    if (mass >= 1 - 1e-3) break;
    kept.push(m);
    mass += weights[m]!;
  }
  kept.sort((a, b) => a - b);
  return { masks: Int32Array.from(kept, (m) => masks[m]!), weights: Float64Array.from(kept, (m) => weights[m]! / mass) };
}

type Score = { question: Question; value: number; spread: number; couldChange: boolean };

/**
 * Picks the question whose answer is expected to change the top three causes (or their order)
 * the most: what the report will show. Stops when no plausible answer to any remaining question
 * could change the top three, or at the question budget.
 */
export function nextQuestion(
  index: KnowledgeIndex,
  input: Input,
  mode: InterviewMode = 'adaptive',
  analysis = analyse(index, input.symptoms, input.answers, input.weights),
  options: InterviewOptions = {},
): NextStep {
  const budget = options.budget ?? defaultQuestionBudget;
  const relevant = relevantQuestions(index, input.symptoms, input.answers, analysis);
  const open = relevant.filter((question) => !(question.id in input.answers));
  const asked = Object.keys(input.answers).filter((id) => index.questions.has(id)).length;
  const progress = { asked, remaining: open.length, budget };
  if (open.length === 0) {
    return { done: true, reason: 'no-questions-left', explanation: 'Every question about the plausible causes has been answered.', ...progress };
  }
  if (mode === 'adaptive' && asked >= budget) {
    return { done: true, reason: 'budget', explanation: `The question budget (${budget}) is used up; the ranking stands on the answers so far.`, ...progress };
  }

  const context = contextOf(index, analysis);
  const current = topOrder(context, analysis.posterior.marginals);
  const joints = new Map<string, Joint>();
  const scores = open.map((question) => scoreQuestion(context, question, current, joints));
  const better = (a: Score, b: Score | undefined) => !b || a.value + a.spread > b.value + b.spread + 1e-12;
  const pick = (pool: readonly Score[]) => pool.reduce<Score | undefined>((best, score) => (better(score, best) ? score : best), undefined);

  if (mode === 'adaptive' && !scores.some((score) => score.couldChange)) {
    const names = current.map((i) => index.antiPatterns.get(analysis.posterior.candidates[i]!)!.title).join(', ');
    return {
      done: true,
      reason: 'settled',
      explanation: names ? `No answer to a remaining question could change the top three (${names}).` : 'No remaining question could point to a cause.',
      ...progress,
    };
  }

  const followUp = unsureFollowUp(index, input, context, scores);
  if (followUp) return { done: false, question: followUp.score.question, gain: followUp.score.value, why: followUp.why, ...progress };
  const best = pick(mode === 'adaptive' ? scores.filter((score) => score.couldChange) : scores)!;
  return { done: false, question: best.question, gain: best.value, why: whyAsk(index, context, best.question, current), ...progress };
}

function contextOf(index: KnowledgeIndex, analysis: Analysis): Context {
  const { candidates } = analysis.posterior;
  const bitOf = new Map(candidates.map((id, bit) => [id, bit]));
  const riskOrder = { critical: 0, high: 1, medium: 2, low: 3 } as const;
  const tie = candidates
    .map((id, i) => i)
    .sort(
      (a, b) =>
        analysis.explainsCount[b]! - analysis.explainsCount[a]! ||
        riskOrder[index.antiPatterns.get(candidates[a]!)!.risk] - riskOrder[index.antiPatterns.get(candidates[b]!)!.risk] ||
        compareText(candidates[a]!, candidates[b]!),
    );
  const staticOrder: number[] = [];
  tie.forEach((candidate, position) => (staticOrder[candidate] = position));
  const ancestorMasks = candidates.map((id) => [...ancestorsOf(index, id)].reduce((mask, other) => (bitOf.has(other) ? mask | (1 << bitOf.get(other)!) : mask), 0));
  const partial = { analysis, bitOf, staticOrder, ancestorMasks, ...carryingMass(analysis.posterior.masks, analysis.posterior.weights) };
  const watched = watchedOf(partial, analysis.posterior.marginals);
  return { ...partial, watched, watchedBits: watched.reduce((total, i) => total + bits(analysis.posterior.marginals[i]!), 0) };
}

/** The top three candidates as the ranking would show them, for any marginals: same rules as rankCauses. */
function topOrder(context: Context, marginals: Float64Array): number[] {
  const { listed } = context.analysis;
  const shown: number[] = [];
  for (let i = 0; i < marginals.length; i++) if (listed[i] || marginals[i]! >= upstreamListedAt) shown.push(i);
  // Same rule as the ranking: the causes of the first-named pain get a head start once reasonably likely.
  const { explainsFirst } = context.analysis;
  const key = (i: number) => {
    const p = Math.min(1 - 1e-9, Math.max(1e-9, marginals[i]!));
    return Math.log(p / (1 - p)) + (explainsFirst[i] && p >= painLeadsAt ? painHeadStart : 0);
  };
  shown.sort((a, b) => key(b) - key(a) || context.staticOrder[a]! - context.staticOrder[b]!);
  const top = shown.slice(0, settledDepth + 3);
  let supported = 0;
  for (const i of top) if (marginals[i]! >= supportedAt) supported |= 1 << i;
  if (supported & (supported - 1)) {
    for (let guard = 0; guard < 20; guard++) {
      let moved = false;
      for (let p = 0; p < top.length && !moved; p++) {
        const upstream = context.ancestorMasks[top[p]!]! & supported;
        if (!(supported & (1 << top[p]!)) || upstream === 0) continue;
        const later = top.findIndex((candidate, q) => q > p && (upstream & (1 << candidate)) !== 0);
        if (later > p) {
          top.splice(p, 0, top.splice(later, 1)[0]!);
          moved = true;
        }
      }
      if (!moved) break;
    }
  }
  return top.slice(0, settledDepth);
}

/**
 * What a question's answer does depends only on the few candidates it links to. So the posterior is
 * summarised once per set of linked candidates (shared by every question that links the same set):
 * for each combination of them, its probability and the marginals given it.
 */
type Joint = { bits: number[]; probability: Float64Array; marginals: Float64Array };

function jointFor(context: Context, bits: number[], cache: Map<string, Joint>): Joint {
  const key = bits.join(',');
  const known = cache.get(key);
  if (known) return known;
  const count = context.analysis.posterior.candidates.length;
  const rows = 1 << bits.length;
  const probability = new Float64Array(rows);
  const marginals = new Float64Array(rows * count);
  const { masks, weights } = context;
  for (let m = 0; m < masks.length; m++) {
    const w = weights[m]!;
    let mask = masks[m]!;
    let row = 0;
    for (let j = 0; j < bits.length; j++) if (mask & (1 << bits[j]!)) row |= 1 << j;
    probability[row] = probability[row]! + w;
    const base = row * count;
    while (mask !== 0) {
      const bit = 31 - Math.clz32(mask & -mask);
      marginals[base + bit] = marginals[base + bit]! + w;
      mask &= mask - 1;
    }
  }
  const joint = { bits, probability, marginals };
  cache.set(key, joint);
  return joint;
}

function scoreQuestion(context: Context, question: Question, current: readonly number[], joints: Map<string, Joint>): Score {
  const node = compileNode({ ...questionNode(question), leak: answerLeak }, context.bitOf);
  const count = context.analysis.posterior.candidates.length;
  const linked = [...new Set([...node.towardBits, ...node.inhibitBits].map((flag) => 31 - Math.clz32(flag)))].sort((x, y) => x - y);
  if (linked.length === 0) return { question, value: 0, spread: 0, couldChange: false };
  const joint = jointFor(context, linked, joints);
  const afterProblem = new Float64Array(count);
  const afterHealthy = new Float64Array(count);
  let pProblem = 0;
  for (let row = 0; row < joint.probability.length; row++) {
    let mask = 0;
    for (let j = 0; j < linked.length; j++) if (row & (1 << j)) mask |= 1 << linked[j]!;
    const p = nodeProblem(node, mask);
    pProblem += joint.probability[row]! * p;
    const base = row * count;
    for (let i = 0; i < count; i++) {
      const w = joint.marginals[base + i]!;
      afterProblem[i] = afterProblem[i]! + w * p;
      afterHealthy[i] = afterHealthy[i]! + w * (1 - p);
    }
  }
  // The main score: how much the shown top three is expected to change. Added to it ("spread"): the
  // expected gain in certainty, in bits, about the leading causes (several at once, not one root).
  let value = 0;
  let after = 0;
  let couldChange = false;
  for (const [probability, marginals] of [
    [pProblem, afterProblem],
    [1 - pProblem, afterHealthy],
  ] as const) {
    if (probability <= 1e-12) continue;
    for (let i = 0; i < count; i++) marginals[i] = marginals[i]! / probability;
    const top = topOrder(context, marginals);
    let change = 0;
    for (let position = 0; position < settledDepth; position++) if (top[position] !== current[position]) change += positionWeights[position]!;
    value += probability * change;
    if (change > 0 && probability >= answerWorthConsidering) couldChange = true;
    for (const i of context.watched) after += probability * bits(marginals[i]!);
  }
  return { question, value, spread: context.watchedBits - after, couldChange };
}

/** Binary entropy in bits: how unsure we are whether one cause is present. */
function bits(p: number): number {
  return p <= 0 || p >= 1 ? 0 : -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p));
}

/**
 * After "unsure", the best other question about the cause the unanswered one was testing (the most
 * likely cause it points to), if one could still change the top three.
 */
function unsureFollowUp(index: KnowledgeIndex, input: Input, context: Context, scores: readonly Score[]): { score: Score; why: string } | undefined {
  const last = input.lastAnswered ?? Object.keys(input.answers).at(-1);
  if (!last || input.answers[last] !== 'unsure') return undefined;
  const unsureQuestion = index.questions.get(last);
  if (!unsureQuestion) return undefined;
  const { marginals } = context.analysis.posterior;
  const focus = questionNode(unsureQuestion)
    .toward.map((link) => link.antiPattern)
    .filter((id) => context.bitOf.has(id))
    .sort((a, b) => marginals[context.bitOf.get(b)!]! - marginals[context.bitOf.get(a)!]! || compareText(a, b))[0];
  if (!focus) return undefined;
  const about = scores.filter((score) => score.couldChange && questionNode(score.question).toward.some((link) => link.antiPattern === focus));
  const best = about.reduce<Score | undefined>((top, score) => (!top || score.value + score.spread > top.value + top.spread + 1e-12 ? score : top), undefined);
  if (!best) return undefined;
  const title = index.antiPatterns.get(focus)!.title;
  return { score: best, why: `You were unsure about the last question; this one tests ${title} another way.` };
}

/** One sentence on what the answer will settle, for `next --json` and the app's "why we ask". */
function whyAsk(index: KnowledgeIndex, context: Context, question: Question, current: readonly number[]): string {
  const { candidates, marginals } = context.analysis.posterior;
  const percent = (i: number) => `${Math.round(marginals[i]! * 100)}%`;
  const name = (i: number) => index.antiPatterns.get(candidates[i]!)!.title;
  const tested = questionTests(question)
    .filter((id) => context.bitOf.has(id))
    .map((id) => context.bitOf.get(id)!)
    .sort((a, b) => marginals[b]! - marginals[a]!);
  const inTop = tested.filter((i) => current.includes(i));
  if (inTop.length >= 2) return `It tells ${name(inTop[0]!)} (${percent(inTop[0]!)}) apart from ${name(inTop[1]!)} (${percent(inTop[1]!)}).`;
  if (inTop.length === 1 && current[0] === inTop[0]) return `It checks whether ${name(inTop[0]!)}, the leading cause so far (${percent(inTop[0]!)}), is really there.`;
  if (inTop.length === 1) return `It checks whether ${name(inTop[0]!)} (${percent(inTop[0]!)}) belongs in the top three.`;
  if (tested.length > 0) return `It tests ${name(tested[0]!)} (${percent(tested[0]!)}), which could still enter the top three.`;
  return 'It could change the top three causes.';
}

/** The leading causes as the ranking would list them, by probability. */
function watchedOf(context: Pick<Context, 'analysis'>, marginals: Float64Array): number[] {
  const { listed } = context.analysis;
  const shown: number[] = [];
  for (let i = 0; i < marginals.length; i++) if (listed[i] || marginals[i]! >= upstreamListedAt) shown.push(i);
  shown.sort((a, b) => marginals[b]! - marginals[a]!);
  return shown.slice(0, watchedCauses);
}
