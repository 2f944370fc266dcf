import { compareText } from '../source/compare-text.js';
import type { Answer, Question, Symptom } from '../knowledge/schema.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { answerLeak, answerLink, partlyWeight, symptomLeak, symptomLink } from './weights.js';

/** A present cause makes the finding's "problem" outcome more likely (toward) or less likely (inhibits). */
export type Link = { antiPattern: string; probability: number };

/**
 * One observation about the team, as a noisy-OR node: a chosen symptom, an answer, or an answer a
 * chosen symptom implies. `problemWeight` is how far the observation is the problem outcome:
 * 1 for a reported symptom or a problem answer, 0 for the healthy answer, in between for "partly".
 */
export type Finding = {
  source: 'symptom' | 'answer' | 'implied';
  id: string;
  answer?: Answer;
  /** The symptom that implies the answer (source "implied"). */
  symptom?: string;
  mostCommon?: boolean;
  toward: readonly Link[];
  inhibits: readonly Link[];
  leak: number;
  problemWeight: number;
};

/** A question as a noisy-OR node: which answer signals a problem, and what raises or lowers its chance. */
export type QuestionNode = { problem: 'yes' | 'no'; toward: Link[]; inhibits: Link[] };

const nodes = new WeakMap<Question, QuestionNode>();

/**
 * The problem answer is the one whose evidence points toward the most. A cause the problem answer
 * points toward, or the healthy answer points away from, makes the problem answer likely; the
 * stronger word wins when both are given. The reverse makes the healthy answer likely.
 */
export function questionNode(question: Question): QuestionNode {
  let node = nodes.get(question);
  if (node) return node;
  const weight = { weak: 1, moderate: 2, strong: 3 } as const;
  const raised = (answer: 'yes' | 'no') =>
    question.evidence[answer].reduce((sum, item) => sum + (item.points === 'toward' ? weight[item.strength] : 0), 0);
  const problem = raised('yes') >= raised('no') && raised('yes') > 0 ? 'yes' : 'no';
  const healthy = problem === 'yes' ? 'no' : 'yes';
  const toward = new Map<string, number>();
  const inhibits = new Map<string, number>();
  const add = (into: Map<string, number>, id: string, probability: number) => into.set(id, Math.max(into.get(id) ?? 0, probability));
  for (const item of question.evidence[problem]) add(item.points === 'toward' ? toward : inhibits, item.antiPattern, answerLink[item.strength]);
  for (const item of question.evidence[healthy]) add(item.points === 'away' ? toward : inhibits, item.antiPattern, answerLink[item.strength]);
  const links = (map: Map<string, number>) =>
    [...map].sort(([a], [b]) => compareText(a, b)).map(([antiPattern, probability]) => ({ antiPattern, probability }));
  node = { problem, toward: links(toward), inhibits: links(inhibits) };
  nodes.set(question, node);
  return node;
}

/** The answer a team without any of the anti-patterns a question tests would give. */
export function healthyAnswer(question: Question): 'yes' | 'no' {
  return questionNode(question).problem === 'yes' ? 'no' : 'yes';
}

/** The anti-patterns a question can tell something about, in id order. */
export function questionTests(question: Question): string[] {
  const node = questionNode(question);
  return [...new Set([...node.toward, ...node.inhibits].map((link) => link.antiPattern))].sort(compareText);
}

/** How far an answer is the problem answer: 1, 0, partly in between; undefined for "unsure". */
export function problemWeight(question: Question, answer: Answer): number | undefined {
  if (answer === 'unsure') return undefined;
  if (answer === 'partly') return partlyWeight;
  return answer === questionNode(question).problem ? 1 : 0;
}

export function symptomFinding(symptom: Symptom): Finding {
  return {
    source: 'symptom',
    id: symptom.id,
    toward: symptom.causes.map((cause) => ({ antiPattern: cause.antiPattern, probability: cause.mostCommon ? symptomLink.mostCommon : symptomLink.cause })),
    inhibits: [],
    leak: symptomLeak,
    problemWeight: 1,
  };
}

export function answerFinding(question: Question, answer: Answer, impliedBy?: string): Finding | undefined {
  const weight = problemWeight(question, answer);
  if (weight === undefined) return undefined;
  const node = questionNode(question);
  return {
    source: impliedBy ? 'implied' : 'answer',
    id: question.id,
    answer,
    ...(impliedBy ? { symptom: impliedBy } : {}),
    toward: node.toward,
    inhibits: node.inhibits,
    leak: answerLeak,
    problemWeight: weight,
  };
}

/** Answers the chosen symptoms imply, for questions the team has not answered yes, no or partly. First symptom wins. */
export function impliedAnswers(index: KnowledgeIndex, symptoms: readonly string[], answers: Readonly<Record<string, Answer>>): Map<string, { answer: 'yes' | 'no'; symptom: string }> {
  const implied = new Map<string, { answer: 'yes' | 'no'; symptom: string }>();
  for (const symptomId of symptoms) {
    const symptom = index.symptoms.get(symptomId);
    if (!symptom) continue;
    for (const [questionId, answer] of Object.entries(symptom.implies)) {
      const given = answers[questionId];
      if ((given === undefined || given === 'unsure') && !implied.has(questionId) && index.questions.has(questionId)) implied.set(questionId, { answer, symptom: symptomId });
    }
  }
  return implied;
}

/** Everything the session says about the team, in a stable order (symptoms as chosen, answers by id). */
/**
 * How far a room's answer counts (room-answers.ts): 1 for one voice or a unanimous room, less the
 * more the room split. A weight w pulls the answer's problem weight toward one half, where the
 * observation says nothing: a split room moves causes less, an even split not at all.
 */
export type AnswerWeights = Readonly<Record<string, number>>;

function weighted(finding: Finding, weight: number | undefined): Finding {
  if (weight === undefined || weight === 1) return finding;
  return { ...finding, problemWeight: 0.5 + (finding.problemWeight - 0.5) * weight };
}

export function sessionFindings(index: KnowledgeIndex, symptoms: readonly string[], answers: Readonly<Record<string, Answer>>, weights: AnswerWeights = {}): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const id of symptoms) {
    const symptom = index.symptoms.get(id);
    if (symptom && !seen.has(id)) {
      seen.add(id);
      findings.push(symptomFinding(symptom));
    }
  }
  for (const [questionId, answer] of Object.entries(answers).sort(([a], [b]) => compareText(a, b))) {
    const question = index.questions.get(questionId);
    const finding = question && answerFinding(question, answer);
    if (finding) findings.push(weighted(finding, weights[questionId]));
  }
  const implied = [...impliedAnswers(index, symptoms, answers)].sort(([a], [b]) => compareText(a, b));
  for (const [questionId, { answer, symptom }] of implied) {
    const finding = answerFinding(index.questions.get(questionId)!, answer, symptom);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** The probability of the problem outcome given which causes are present. */
export function problemProbability(finding: Pick<Finding, 'toward' | 'inhibits' | 'leak'>, present: (id: string) => boolean): number {
  let quiet = 1 - finding.leak;
  for (const link of finding.toward) if (present(link.antiPattern)) quiet *= 1 - link.probability;
  let kept = 1;
  for (const link of finding.inhibits) if (present(link.antiPattern)) kept *= 1 - link.probability;
  return (1 - quiet) * kept;
}

/** The likelihood of what was observed, given the probability of the problem outcome. */
export function observedLikelihood(problem: number, problemWeightValue: number): number {
  return problemWeightValue * problem + (1 - problemWeightValue) * (1 - problem);
}

/**
 * How far one finding moves one cause on its own, in log-odds (a weight of evidence): the
 * likelihood with only that cause present against none present. The report's evidence trail.
 */
export function evidenceWeight(finding: Finding, antiPattern: string): number {
  const alone = observedLikelihood(problemProbability(finding, (id) => id === antiPattern), finding.problemWeight);
  const none = observedLikelihood(problemProbability(finding, () => false), finding.problemWeight);
  return Math.log(alone / none);
}
