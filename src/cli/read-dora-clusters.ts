import type { DoraClusters } from '../knowledge/dora-clusters-schema.js';
import { bundledKnowledgeDir } from './bundled-knowledge.js';
import type { Io } from './io.js';

/**
 * The published DORA clusters shipped with the knowledge; read only when a session reports metrics.
 * Their loader (YAML, the knowledge schemas) is imported here, on first use, not at start-up.
 */
export async function readDoraClusters(io: Io): Promise<DoraClusters> {
  const { loadDoraClusters } = await import('../knowledge/load-dora-clusters.js');
  return loadDoraClusters(bundledKnowledgeDir(), io.cwd);
}
