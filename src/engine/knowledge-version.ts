import { createHash } from 'node:crypto';
import type { KnowledgeIndex } from './knowledge-index.js';

/**
 * A short fingerprint of the knowledge an answers file was diagnosed with. Two files with
 * different fingerprints were ranked by different rules and are not comparable side by side.
 */
export function knowledgeVersion(index: KnowledgeIndex): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(index.knowledge)).digest('hex').slice(0, 12)}`;
}
