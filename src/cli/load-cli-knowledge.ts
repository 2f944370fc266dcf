import { indexKnowledge, type KnowledgeIndex } from '../engine/knowledge-index.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { formatProblem } from '../source/problems.js';
import { bundledKnowledgeDir, readKnowledgeSnapshot } from './bundled-knowledge.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

export class InvalidContentError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** Bundled knowledge with the user's packs layered on top, ready for the engine. */
export async function loadCliKnowledge(packs: readonly string[], io: Io): Promise<KnowledgeIndex> {
  if (packs.length === 0) {
    const snapshot = readKnowledgeSnapshot();
    if (snapshot) return indexKnowledge(snapshot);
  }
  const result = await loadKnowledge([bundledKnowledgeDir(), ...packs], io.cwd);
  if ('usageError' in result) throw new UsageError(result.usageError);
  if (!result.ok) throw new InvalidContentError(knowledgeProblemLines(result.problems));
  return indexKnowledge(result.knowledge);
}

export function knowledgeProblemLines(problems: Parameters<typeof formatProblem>[0][]): string[] {
  const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
  return [...problems.map(formatProblem), `knowledge is invalid: ${count}`];
}
