import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Knowledge } from '../knowledge/schema.js';

/** Works from the bundle (dist/headless.cjs) and from the sources (src/cli/*.ts) alike. */
export function bundledKnowledgeDir(): string {
  for (const candidate of ['../knowledge', '../../knowledge']) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(`${dir}/symptoms`)) return dir;
  }
  throw new Error('the bundled knowledge directory is missing from this installation');
}

/**
 * The build validates the bundled knowledge once and writes it beside the bundle,
 * so everyday commands skip YAML parsing and schema checks entirely.
 */
export function readKnowledgeSnapshot(): Knowledge | undefined {
  if (!/\.c?js$/.test(import.meta.url)) return undefined;
  const file = fileURLToPath(new URL('./knowledge.json', import.meta.url));
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Knowledge) : undefined;
}
