import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod/mini';
import { repoRoot } from './bundled-knowledge.js';
import { diagnosisCaseSchema, type DiagnosisCase } from './diagnosis-case-schema.js';

export const diagnosisCasesDir = join(repoRoot, 'test', 'data', 'diagnosis-cases');

/** Every case file, validated against the schema; the file name is the id. Throws with the file and the problem. */
export async function loadDiagnosisCases(dir = diagnosisCasesDir): Promise<DiagnosisCase[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  const cases: DiagnosisCase[] = [];
  for (const file of files) {
    const parsed = diagnosisCaseSchema.safeParse(parse(await readFile(join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    cases.push({ id: basename(file, '.yaml'), ...parsed.data });
  }
  return cases;
}
