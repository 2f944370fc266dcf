import { compareText } from '../source/compare-text.js';
import type { Answer } from '../knowledge/schema.js';
import { calibrate } from './calibration.js';
import type { EvidenceEntry, RankedCause } from './diagnosis-schema.js';
import { evidenceWeight, sessionFindings, type AnswerWeights, type Finding } from './findings.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { posterior, type Posterior } from './posterior.js';
import { candidateLimit, symptomLink, painHeadStart, painLeadsAt, priorProbability, supportedAt } from './weights.js';

const riskOrder = { critical: 0, high: 1, medium: 2, low: 3 } as const;

export const sigmoid = (logOdds: number) => 1 / (1 + Math.exp(-logOdds));
const logit = (p: number) => Math.log(p / (1 - p));
const clamp = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));

/** An upstream cause with no evidence of its own is listed once it is at least this likely. */
export const upstreamListedAt = 0.2;

/** Everything the engine knows about a session: the findings, the exact posterior and the ranking. */
export type Analysis = {
  findings: Finding[];
  posterior: Posterior;
  /** Per candidate (same order as posterior.candidates): listed because a symptom or an answer names it. */
  listed: boolean[];
  /** Per candidate: how many chosen symptoms it explains, for tie-breaking. */
  explainsCount: number[];
  /** Per candidate: it explains the symptom the team chose first (what hurts most). */
  explainsFirst: boolean[];
  ranking: RankedCause[];
};

/** Ranks the anti-patterns for a team; see `analyse`. */
export function rankCauses(index: KnowledgeIndex, symptoms: readonly string[], answers: Readonly<Record<string, Answer>>, weights: AnswerWeights = {}): RankedCause[] {
  return analyse(index, symptoms, answers, weights).ranking;
}

/**
 * Chosen symptoms and answers become findings of a noisy-OR network whose hidden causes are the
 * anti-patterns. The causes the findings name (and the causes known to drive those) are screened
 * by their weight of evidence alone; the leading `candidateLimit` get exact joint posteriors.
 */
export function analyse(index: KnowledgeIndex, symptoms: readonly string[], answers: Readonly<Record<string, Answer>>, weights: AnswerWeights = {}): Analysis {
  // The app asks for the same analysis several times per frame (ranking, next question, relevant
  // questions): a small per-knowledge cache keeps that to one computation. Same input, same result.
  const sorted = (record: Readonly<Record<string, unknown>>) => Object.entries(record).sort(([a], [b]) => compareText(a, b));
  const key = JSON.stringify([symptoms, sorted(answers), sorted(weights)]);
  let cache = analysisCache.get(index);
  if (!cache) analysisCache.set(index, (cache = new Map()));
  const cached = cache.get(key);
  if (cached) return cached;
  const result = computeAnalysis(index, symptoms, answers, weights);
  cache.set(key, result);
  if (cache.size > 16) cache.delete(cache.keys().next().value!);
  return result;
}

const analysisCache = new WeakMap<KnowledgeIndex, Map<string, Analysis>>();

function computeAnalysis(index: KnowledgeIndex, symptoms: readonly string[], answers: Readonly<Record<string, Answer>>, weights: AnswerWeights): Analysis {
  const findings = sessionFindings(index, symptoms, answers, weights);
  const evidence = new Map<string, { entries: EvidenceEntry[]; explains: string[]; raised: boolean; score: number }>();
  const entryFor = (id: string) => {
    let entry = evidence.get(id);
    if (!entry) evidence.set(id, (entry = { entries: [], explains: [], raised: false, score: logit(priorProbability) }));
    return entry;
  };
  for (const finding of findings) {
    for (const link of [...finding.toward, ...finding.inhibits]) {
      if (!index.antiPatterns.has(link.antiPattern)) continue;
      const change = evidenceWeight(finding, link.antiPattern);
      const entry = entryFor(link.antiPattern);
      entry.entries.push(toEntry(finding, link.antiPattern, change));
      entry.score += change;
      if (finding.source === 'symptom') entry.explains.push(finding.id);
      else if (change > 0) entry.raised = true;
    }
  }
  const isListed = (id: string) => {
    const entry = evidence.get(id);
    return !!entry && (entry.explains.length > 0 || entry.raised);
  };

  // Screening: listed causes by their own evidence; the causes that drive them by half their best consequence's.
  const score = new Map<string, number>();
  for (const [id, entry] of evidence) if (isListed(id)) score.set(id, entry.score);
  const consequences = [...score];
  for (let depth = 0; depth < 2; depth++) {
    for (const [id, childScore] of depth === 0 ? consequences : [...score]) {
      for (const parent of index.drivenBy.get(id) ?? []) {
        const own = evidence.get(parent)?.score ?? logit(priorProbability);
        const lifted = own + 0.5 * Math.max(0, childScore - logit(priorProbability));
        if (lifted > (score.get(parent) ?? Number.NEGATIVE_INFINITY)) score.set(parent, lifted);
      }
    }
  }
  const screened = [...score].sort(([a, x], [b, y]) => y - x || compareText(a, b));
  const candidates = screened.slice(0, candidateLimit).map(([id]) => id);
  const result = posterior(index, candidates, findings);
  const listed = candidates.map(isListed);
  const explainsCount = candidates.map((id) => evidence.get(id)?.explains.length ?? 0);

  const raw = new Map<string, number>();
  candidates.forEach((id, i) => raw.set(id, result.marginals[i]!));
  const floor = Math.min(...result.marginals, 1);
  for (const [id, value] of screened.slice(candidateLimit)) if (isListed(id)) raw.set(id, Math.min(floor, sigmoid(value)));

  const ranked: RankedCause[] = [];
  for (const [id, probability] of raw) {
    if (!isListed(id) && probability < upstreamListedAt) continue;
    const antiPattern = index.antiPatterns.get(id)!;
    const entry = evidence.get(id);
    ranked.push({
      id,
      title: antiPattern.title,
      category: antiPattern.category,
      risk: antiPattern.risk,
      confidence: calibrate(probability),
      logOdds: logit(clamp(probability)),
      explains: entry?.explains ?? [],
      evidence: entry?.entries ?? [],
      drivenBy: [],
    });
  }
  ranked.sort(compareCauses);
  const first = symptoms.find((id) => index.symptoms.has(id));
  // The causes of the pain the team named first get a head start in the order, once reasonably likely.
  const key = (cause: RankedCause) => cause.logOdds + (first !== undefined && cause.explains.includes(first) && cause.logOdds >= logit(painLeadsAt) ? painHeadStart : 0);
  const painFirst = [...ranked].sort((a, b) => key(b) - key(a) || compareCauses(a, b));
  const explainsFirst = candidates.map((id) => first !== undefined && (evidence.get(id)?.explains.includes(first) ?? false));
  return { findings, posterior: result, listed, explainsCount, explainsFirst, ranking: upstreamFirst(index, painFirst) };
}

function toEntry(finding: Finding, antiPattern: string, change: number): EvidenceEntry {
  if (finding.source === 'symptom') {
    // "Its most common cause" is said of the one cause the symptom marks so, never of its other causes.
    const link = finding.toward.find((candidate) => candidate.antiPattern === antiPattern);
    return { source: 'symptom', id: finding.id, mostCommon: link?.probability === symptomLink.mostCommon, change };
  }
  if (finding.source === 'implied') return { source: 'implied', id: finding.id, answer: finding.answer!, symptom: finding.symptom!, change };
  return { source: 'answer', id: finding.id, answer: finding.answer!, change };
}

/** Priority: probability, then how many symptoms a cause explains, then risk, then id for a stable order. */
export function compareCauses(a: RankedCause, b: RankedCause): number {
  return (
    b.logOdds - a.logOdds ||
    b.explains.length - a.explains.length ||
    riskOrder[a.risk] - riskOrder[b.risk] ||
    compareText(a.id, b.id)
  );
}

/** Every anti-pattern that (transitively) leads to `id`. */
export function ancestorsOf(index: KnowledgeIndex, id: string): Set<string> {
  const found = new Set<string>();
  const visit = (current: string) => {
    for (const parent of index.drivenBy.get(current) ?? []) {
      if (!found.has(parent)) {
        found.add(parent);
        visit(parent);
      }
    }
  };
  visit(id);
  found.delete(id);
  return found;
}

/**
 * When the evidence supports both a cause and one of its consequences, the upstream cause ranks
 * first (fixing it is what removes the other) and the consequence records what drives it.
 */
export function upstreamFirst<T extends { id: string; logOdds: number; drivenBy: string[] }>(index: KnowledgeIndex, ordered: readonly T[]): T[] {
  const supported = new Set(ordered.filter((cause) => cause.logOdds >= logit(supportedAt)).map((cause) => cause.id));
  const result = [...ordered];
  if (supported.size < 2) return result;
  const ancestors = new Map([...supported].map((id) => [id, [...ancestorsOf(index, id)].filter((other) => supported.has(other))]));
  for (let guard = 0; guard < result.length * result.length; guard++) {
    let moved = false;
    for (let i = 0; i < result.length && !moved; i++) {
      const upstream = ancestors.get(result[i]!.id);
      if (!upstream || upstream.length === 0) continue;
      const later = result.findIndex((cause, j) => j > i && upstream.includes(cause.id));
      if (later > i) {
        const [ancestor] = result.splice(later, 1);
        result.splice(i, 0, ancestor!);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return result.map((cause) => {
    const upstream = ancestors.get(cause.id);
    if (!upstream || upstream.length === 0) return cause;
    // The nearest drivers: supported ancestors that no other supported ancestor of this cause is driven by.
    const nearest = upstream.filter((a) => !upstream.some((b) => b !== a && ancestorsOf(index, b).has(a)));
    return { ...cause, drivenBy: nearest.sort(compareText) };
  });
}
