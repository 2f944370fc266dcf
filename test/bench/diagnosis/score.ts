// Scores rankings against known causes, for the engine (static and adaptive) and for two simple baselines.
import type { Answer, Knowledge } from '../../../src/knowledge/schema.js';
import { next, rank, type EngineIndex, type RankedCause } from './engine-adapter.js';

/** One team to diagnose: what it reports, what it really has (primary first) and how it answers. */
export type EvalCase = {
  id: string;
  symptoms: readonly string[];
  causes: readonly string[];
  /** The answer to each question the team would give; missing means "unsure". */
  answers: Readonly<Record<string, Answer>>;
};

export type Outcome = { ranking: readonly RankedCause[]; asked: number; causes: readonly string[] };

export type Figures = {
  cases: number;
  top1: number;
  top3: number;
  /** Every present cause within the first five. */
  all5: number;
  meanAsked: number;
  /** Of the causes shown at 70% or more, how many and what share are truly present (undefined without confidences). */
  confident: { shown: number; present: number | undefined };
  /** Mean squared error of the confidences over every ranked cause (present = 1). */
  brier: number | undefined;
};

export const confidentAt = 0.7;
/** A guard against an engine that never says done; well above any sensible question budget. */
export const maxQuestions = 60;

/** Every known answer up front, no interview. */
export function runStatic(index: EngineIndex, team: EvalCase): Outcome {
  const answers = Object.fromEntries(Object.entries(team.answers).filter(([, answer]) => answer !== 'unsure'));
  return { ranking: rank(index, { symptoms: team.symptoms, answers }), asked: 0, causes: team.causes };
}

/** The engine asks until it says done; the team answers what it knows and "unsure" otherwise. */
export function runAdaptive(index: EngineIndex, team: EvalCase): Outcome {
  const answers: Record<string, Answer> = {};
  for (let asked = 0; asked < maxQuestions; asked++) {
    const step = next(index, { symptoms: team.symptoms, answers });
    if (step.done || step.questionId in answers) break;
    answers[step.questionId] = team.answers[step.questionId] ?? 'unsure';
  }
  return { ranking: rank(index, { symptoms: team.symptoms, answers }), asked: Object.keys(answers).length, causes: team.causes };
}

/** Baseline: how many chosen symptoms list each cause; ties keep the order the symptoms list them in. */
export function symptomCountRanking(knowledge: Knowledge, symptoms: readonly string[]): RankedCause[] {
  const counts = new Map<string, number>();
  for (const symptomId of symptoms) {
    for (const cause of knowledge.symptoms.find((symptom) => symptom.id === symptomId)?.causes ?? []) {
      counts.set(cause.antiPattern, (counts.get(cause.antiPattern) ?? 0) + 1);
    }
  }
  // Map keeps first-listed order and Array.prototype.sort is stable, so ties stay in catalog order.
  return [...counts].sort((a, b) => b[1] - a[1]).map(([id, count]) => ({ id, confidence: count / symptoms.length }));
}

/** Baseline: the catalog's "most common cause" of each chosen symptom first, then the other listed causes. */
export function mostCommonRanking(knowledge: Knowledge, symptoms: readonly string[]): RankedCause[] {
  const chosen = symptoms.map((symptomId) => knowledge.symptoms.find((symptom) => symptom.id === symptomId)).filter((symptom) => symptom !== undefined);
  const ordered = [
    ...chosen.flatMap((symptom) => symptom.causes.filter((cause) => cause.mostCommon)),
    ...chosen.flatMap((symptom) => symptom.causes.filter((cause) => !cause.mostCommon)),
  ].map((cause) => cause.antiPattern);
  return [...new Set(ordered)].map((id) => ({ id, confidence: Number.NaN }));
}

export function summarise(outcomes: readonly Outcome[], withConfidence = true): Figures {
  const share = (test: (outcome: Outcome) => boolean) => (outcomes.length === 0 ? 0 : outcomes.filter(test).length / outcomes.length);
  const ids = (outcome: Outcome, depth: number) => outcome.ranking.slice(0, depth).map((cause) => cause.id);
  let shown = 0;
  let shownPresent = 0;
  let squared = 0;
  let ranked = 0;
  for (const outcome of outcomes) {
    for (const cause of outcome.ranking) {
      const present = outcome.causes.includes(cause.id);
      if (cause.confidence >= confidentAt) {
        shown++;
        if (present) shownPresent++;
      }
      squared += (cause.confidence - (present ? 1 : 0)) ** 2;
      ranked++;
    }
  }
  return {
    cases: outcomes.length,
    top1: share((outcome) => ids(outcome, 1)[0] === outcome.causes[0]),
    top3: share((outcome) => ids(outcome, 3).includes(outcome.causes[0]!)),
    all5: share((outcome) => outcome.causes.every((id) => ids(outcome, 5).includes(id))),
    meanAsked: outcomes.length === 0 ? 0 : outcomes.reduce((sum, outcome) => sum + outcome.asked, 0) / outcomes.length,
    confident: { shown: withConfidence ? shown : 0, present: withConfidence && shown > 0 ? shownPresent / shown : undefined },
    brier: withConfidence && ranked > 0 ? squared / ranked : undefined,
  };
}

export type Scoreboard = { engineStatic: Figures; engineAdaptive: Figures; symptomCount: Figures; mostCommon: Figures };

/** Engine static and adaptive, and both baselines, over the same cases. */
export function scoreCases(knowledge: Knowledge, index: EngineIndex, cases: readonly EvalCase[]): Scoreboard {
  const baseline = (ranking: (knowledge: Knowledge, symptoms: readonly string[]) => RankedCause[]) =>
    summarise(cases.map((team) => ({ ranking: ranking(knowledge, team.symptoms), asked: 0, causes: team.causes })), false);
  return {
    engineStatic: summarise(cases.map((team) => runStatic(index, team))),
    engineAdaptive: summarise(cases.map((team) => runAdaptive(index, team))),
    symptomCount: baseline(symptomCountRanking),
    mostCommon: baseline(mostCommonRanking),
  };
}
