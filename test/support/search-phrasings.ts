import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as z from 'zod/mini';
import { repoRoot } from './bundled-knowledge.js';

/** One way a practitioner described a symptom in public, paraphrased, with where it was said. */
const phrasingSchema = z.strictObject({
  query: z.string().check(z.trim(), z.minLength(10)),
  expected: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  source: z.url({ protocol: /^https?$/ }),
  split: z.enum(['dev', 'holdout']),
});

export const phrasingSetSchema = z.strictObject({ phrasings: z.array(phrasingSchema) });

export type Phrasing = z.infer<typeof phrasingSchema>;

export const phrasingFile = `${repoRoot}test/data/search-phrasings.yaml`;

export function loadPhrasings(): Phrasing[] {
  return phrasingSetSchema.parse(parse(readFileSync(phrasingFile, 'utf8'))).phrasings;
}
