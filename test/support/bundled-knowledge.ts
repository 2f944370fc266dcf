import { fileURLToPath } from 'node:url';
import { indexKnowledge, type KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const bundledDir = `${repoRoot}knowledge`;

let cached: Promise<KnowledgeIndex> | undefined;

/** The bundled knowledge, validated from YAML once per test file. */
export function bundledIndex(): Promise<KnowledgeIndex> {
  cached ??= loadKnowledge([bundledDir], repoRoot).then((result) => {
    if (!result.ok) throw new Error(`bundled knowledge is invalid: ${JSON.stringify(result)}`);
    return indexKnowledge(result.knowledge);
  });
  return cached;
}
