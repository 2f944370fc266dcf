import { compareText } from '../source/compare-text.js';
import type { Answer } from '../knowledge/schema.js';
import { answerEffects } from './answer-effects.js';
import type { EvidenceEntry, RankedCause } from './diagnosis-schema.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { baseLogOdds, sharedSymptomDecay, symptomSupport } from './weights.js';

const riskOrder = { critical: 0, high: 1, medium: 2, low: 3 } as const;

export const sigmoid = (logOdds: number) => 1 / (1 + Math.exp(-logOdds));

type Tally = { logOdds: number; explains: string[]; evidence: EvidenceEntry[]; raisedByAnswer: boolean };

/**
 * Log-odds per anti-pattern: chosen symptoms raise their causes (the most common
 * cause more), every answer moves the anti-patterns its evidence names.
 */
export function rankCauses(
  index: KnowledgeIndex,
  symptoms: readonly string[],
  answers: Readonly<Record<string, Answer>>,
  /** How far each answer counts (room-answers.ts): a split room moves causes less. Absent means 1. */
  weights: Readonly<Record<string, number>> = {},
): RankedCause[] {
  const tallies = new Map<string, Tally>();
  const tally = (id: string) => {
    let entry = tallies.get(id);
    if (!entry) tallies.set(id, (entry = { logOdds: baseLogOdds, explains: [], evidence: [], raisedByAnswer: false }));
    return entry;
  };

  const support = new Map<string, { symptomId: string; mostCommon: boolean }[]>();
  for (const symptomId of symptoms) {
    for (const cause of index.symptoms.get(symptomId)?.causes ?? []) {
      const list = support.get(cause.antiPattern) ?? [];
      list.push({ symptomId, mostCommon: cause.mostCommon });
      support.set(cause.antiPattern, list);
    }
  }
  for (const [antiPattern, list] of support) {
    const entry = tally(antiPattern);
    // Strongest first, so the decay only ever discounts the weaker, repeated support.
    const ordered = [...list].sort((a, b) => Number(b.mostCommon) - Number(a.mostCommon));
    ordered.forEach(({ symptomId, mostCommon }, position) => {
      const change = (mostCommon ? symptomSupport.mostCommon : symptomSupport.cause) * sharedSymptomDecay ** position;
      entry.logOdds += change;
      entry.evidence.push({ source: 'symptom', id: symptomId, mostCommon, change });
    });
    entry.explains.push(...list.map(({ symptomId }) => symptomId));
  }

  for (const [questionId, answer] of Object.entries(answers).sort(([a], [b]) => compareText(a, b))) {
    const question = index.questions.get(questionId);
    if (!question) continue;
    const weight = weights[questionId] ?? 1;
    for (const { antiPattern, change: unweighted } of answerEffects(question, answer)) {
      const change = unweighted * weight;
      const entry = tally(antiPattern);
      entry.logOdds += change;
      entry.raisedByAnswer ||= change > 0;
      entry.evidence.push({ source: 'answer', id: questionId, answer, change });
    }
  }

  const ranked: RankedCause[] = [];
  for (const [id, entry] of tallies) {
    const antiPattern = index.antiPatterns.get(id);
    // Implicated only by being ruled out is not a cause worth listing.
    if (!antiPattern || (entry.explains.length === 0 && !entry.raisedByAnswer)) continue;
    ranked.push({
      id,
      title: antiPattern.title,
      category: antiPattern.category,
      risk: antiPattern.risk,
      confidence: sigmoid(entry.logOdds),
      logOdds: entry.logOdds,
      explains: entry.explains,
      evidence: entry.evidence,
    });
  }
  return ranked.sort(compareCauses);
}

/** Priority: confidence, then how many symptoms a cause explains, then risk, then id for a stable order. */
export function compareCauses(a: RankedCause, b: RankedCause): number {
  return (
    b.logOdds - a.logOdds ||
    b.explains.length - a.explains.length ||
    riskOrder[a.risk] - riskOrder[b.risk] ||
    compareText(a.id, b.id)
  );
}
