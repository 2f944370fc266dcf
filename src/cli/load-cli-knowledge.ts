import { indexKnowledge, type KnowledgeIndex } from '../engine/knowledge-index.js';
import { formatProblem, formatProblemList, type Problem } from '../source/problems.js';
import { bundledKnowledgeDir, readKnowledgeSnapshot } from './bundled-knowledge.js';
import { InvalidContentError, UsageError } from './errors.js';
import type { Io } from './io.js';

/** Bundled knowledge with the user's packs layered on top, ready for the engine. */
export async function loadCliKnowledge(packs: readonly string[], io: Io): Promise<KnowledgeIndex> {
  if (packs.length === 0) {
    const snapshot = readKnowledgeSnapshot();
    if (snapshot) return indexKnowledge(snapshot);
  }
  // YAML knowledge and its validation load only when a pack is layered on top.
  const { loadKnowledge } = await import('../knowledge/load-knowledge.js');
  const result = await loadKnowledge([bundledKnowledgeDir(), ...packs], io.cwd);
  if ('usageError' in result) throw new UsageError(result.usageError);
  printWarnings(result.warnings, io);
  if (!result.ok) throw new InvalidContentError(knowledgeProblemLines(result.problems));
  return indexKnowledge(result.knowledge);
}

export function knowledgeProblemLines(problems: readonly Problem[]): string[] {
  return formatProblemList(problems, 'knowledge is invalid');
}

/** Skipped files and folders: one line each on stderr, and the command carries on. */
export function printWarnings(warnings: readonly Problem[], io: Io): void {
  for (const warning of warnings) io.err(`${formatProblem({ ...warning, message: `warning: ${warning.message}` })}\n`);
}
