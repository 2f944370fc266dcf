import type { DoraClusters } from '../knowledge/dora-clusters-schema.js';
import { loadDoraClusters } from '../knowledge/load-dora-clusters.js';
import { bundledKnowledgeDir } from './bundled-knowledge.js';
import type { Io } from './io.js';

/** The published DORA clusters shipped with the knowledge; read only when a session reports metrics. */
export function readDoraClusters(io: Io): Promise<DoraClusters> {
  return loadDoraClusters(bundledKnowledgeDir(), io.cwd);
}
