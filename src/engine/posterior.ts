import type { Finding, Link } from './findings.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { causalLinkProbability, maxPresentAtOnce, priorProbability } from './weights.js';

/**
 * Exact inference in the noisy-OR network, restricted to the leading candidates: every
 * combination of at most `maxPresentAtOnce` of them is weighed by its prior (causal links
 * included) times the likelihood of every finding. Causes outside the candidates count as
 * absent, so their findings fall to the leak. Deterministic and, for 14 candidates, about
 * 3,500 combinations.
 */
export type Posterior = {
  candidates: readonly string[];
  /** Every combination considered, as a bit mask over `candidates`. */
  masks: Int32Array;
  /** Normalised posterior weight of each combination. */
  weights: Float64Array;
  /** Probability each candidate is present. */
  marginals: Float64Array;
};

const maskCache = new Map<string, Int32Array>();

function masksFor(count: number, maxSize: number): Int32Array {
  const key = `${count}/${maxSize}`;
  let masks = maskCache.get(key);
  if (masks) return masks;
  const list: number[] = [];
  for (let mask = 0; mask < 1 << count; mask++) if (popCount(mask) <= maxSize) list.push(mask);
  masks = Int32Array.from(list);
  maskCache.set(key, masks);
  return masks;
}

function popCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24;
}

/** A finding compiled against the candidates: log(1 - q) per candidate bit. */
export type CompiledNode = { towardBits: Int32Array; towardLog: Float64Array; inhibitBits: Int32Array; inhibitLog: Float64Array; quietLeak: number };

export function compileNode(node: { toward: readonly Link[]; inhibits: readonly Link[]; leak: number }, bitOf: ReadonlyMap<string, number>): CompiledNode {
  const pick = (links: readonly Link[]) => links.filter((link) => bitOf.has(link.antiPattern));
  const toward = pick(node.toward);
  const inhibits = pick(node.inhibits);
  return {
    towardBits: Int32Array.from(toward, (link) => 1 << bitOf.get(link.antiPattern)!),
    towardLog: Float64Array.from(toward, (link) => Math.log(1 - link.probability)),
    inhibitBits: Int32Array.from(inhibits, (link) => 1 << bitOf.get(link.antiPattern)!),
    inhibitLog: Float64Array.from(inhibits, (link) => Math.log(1 - link.probability)),
    quietLeak: 1 - node.leak,
  };
}

/** P(problem outcome | the causes in `mask` are present). */
export function nodeProblem(node: CompiledNode, mask: number): number {
  let quiet = 0;
  for (let i = 0; i < node.towardBits.length; i++) if (mask & node.towardBits[i]!) quiet += node.towardLog[i]!;
  let kept = 0;
  for (let i = 0; i < node.inhibitBits.length; i++) if (mask & node.inhibitBits[i]!) kept += node.inhibitLog[i]!;
  return (1 - node.quietLeak * Math.exp(quiet)) * Math.exp(kept);
}

export function posterior(index: KnowledgeIndex, candidates: readonly string[], findings: readonly Finding[]): Posterior {
  const bitOf = new Map(candidates.map((id, bit) => [id, bit]));
  const masks = masksFor(candidates.length, Math.min(maxPresentAtOnce, candidates.length));
  const logWeights = new Float64Array(masks.length);

  // Prior: each candidate is present with the base probability, raised by every present candidate that leads to it.
  const parentBits = candidates.map((id) =>
    (index.drivenBy.get(id) ?? []).reduce((bits, parent) => (bitOf.has(parent) ? bits | (1 << bitOf.get(parent)!) : bits), 0),
  );
  // Each candidate's own ("leak") probability is set so that, before any evidence, it is as likely as
  // any other anti-pattern: a cause with many upstream causes is not favoured just for having them. When
  // the upstream causes are many, each link is weakened instead, keeping half the prior as its own.
  const presentLog: number[][] = [];
  const absentLog: number[][] = [];
  for (let bit = 0; bit < candidates.length; bit++) {
    const parents = popCount(parentBits[bit]!);
    let link = causalLinkProbability;
    let own = 1 - (1 - priorProbability) / (1 - link * priorProbability) ** parents;
    if (own < priorProbability / 2) {
      own = priorProbability / 2;
      link = (1 - ((1 - priorProbability) / (1 - own)) ** (1 / parents)) / priorProbability;
    }
    presentLog.push([]);
    absentLog.push([]);
    for (let present = 0; present <= parents; present++) {
      const p = 1 - (1 - own) * (1 - link) ** present;
      presentLog[bit]!.push(Math.log(p));
      absentLog[bit]!.push(Math.log(1 - p));
    }
  }
  const tables = likelihoodTables(findings, bitOf);

  let best = Number.NEGATIVE_INFINITY;
  for (let m = 0; m < masks.length; m++) {
    const mask = masks[m]!;
    let log = 0;
    for (let bit = 0; bit < candidates.length; bit++) {
      const parents = popCount(mask & parentBits[bit]!);
      log += mask & (1 << bit) ? presentLog[bit]![parents]! : absentLog[bit]![parents]!;
    }
    for (const { bits, table } of tables) {
      let row = 0;
      for (let j = 0; j < bits.length; j++) if (mask & (1 << bits[j]!)) row |= 1 << j;
      log += table[row]!;
    }
    logWeights[m] = log;
    if (log > best) best = log;
  }
  const weights = new Float64Array(masks.length);
  let total = 0;
  for (let m = 0; m < masks.length; m++) total += weights[m] = Math.exp(logWeights[m]! - best);
  for (let m = 0; m < masks.length; m++) weights[m] = weights[m]! / total;
  return { candidates, masks, weights, marginals: marginalsOf(masks, weights, candidates.length) };
}

/**
 * A finding depends only on the few candidates it links to, so its log-likelihood is tabulated once
 * per combination of those; findings that link the same candidates share one table. The posterior
 * then costs a table lookup per group and combination instead of a noisy-OR per finding.
 */
function likelihoodTables(findings: readonly Finding[], bitOf: ReadonlyMap<string, number>): { bits: number[]; table: Float64Array }[] {
  const groups = new Map<string, { bits: number[]; table: Float64Array }>();
  for (const finding of findings) {
    const node = compileNode(finding, bitOf);
    const linked = [...new Set([...node.towardBits, ...node.inhibitBits].map((flag) => 31 - Math.clz32(flag)))].sort((a, b) => a - b);
    if (linked.length === 0) continue;
    const key = linked.join(',');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { bits: linked, table: new Float64Array(1 << linked.length) }));
    for (let row = 0; row < group.table.length; row++) {
      let mask = 0;
      linked.forEach((bit, j) => {
        if (row & (1 << j)) mask |= 1 << bit;
      });
      const problem = nodeProblem(node, mask);
      group.table[row] = group.table[row]! + Math.log(finding.problemWeight * problem + (1 - finding.problemWeight) * (1 - problem));
    }
  }
  return [...groups.values()];
}

export function marginalsOf(masks: Int32Array, weights: Float64Array, count: number, scale = 1): Float64Array {
  const marginals = new Float64Array(count);
  for (let m = 0; m < masks.length; m++) {
    const w = weights[m]!;
    if (w === 0) continue;
    let mask = masks[m]!;
    while (mask !== 0) {
      const bit = 31 - Math.clz32(mask & -mask);
      marginals[bit]! += w;
      mask &= mask - 1;
    }
  }
  if (scale !== 1) for (let i = 0; i < count; i++) marginals[i]! *= scale;
  return marginals;
}
