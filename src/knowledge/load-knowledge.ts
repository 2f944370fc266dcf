import { compareText } from '../source/compare-text.js';
import { sortProblems, type Problem } from '../source/problems.js';
import { problemAt } from '../source/yaml-source.js';
import { crossCheck, knowledgeWarnings, type BrokenIds, type LoadedKnowledge } from './cross-check.js';
import { parseKnowledgeFile, type LoadedEntity } from './parse-knowledge-file.js';
import { readKnowledgeDir } from './read-knowledge-dir.js';
import type { Knowledge, KnowledgeKind } from './schema.js';

export type KnowledgeLoad =
  | { ok: true; knowledge: Knowledge; loaded: LoadedKnowledge; warnings: Problem[] }
  | { ok: false; problems: Problem[] }
  | { ok: false; usageError: string };

const brokenKey = { symptoms: 'symptoms', 'anti-patterns': 'antiPatterns', questions: 'questions' } as const;

/**
 * Loads knowledge layers in order: later directories add entities or replace
 * earlier ones with the same id, and the merged result is what gets checked.
 */
export async function loadKnowledge(dirs: readonly string[], cwd: string): Promise<KnowledgeLoad> {
  const merged: Record<KnowledgeKind, Map<string, LoadedEntity>> = {
    symptoms: new Map(),
    'anti-patterns': new Map(),
    questions: new Map(),
  };
  const problems: Problem[] = [];
  const broken: BrokenIds = { symptoms: new Set(), antiPatterns: new Set(), questions: new Set() };
  for (const dir of dirs) {
    const read = await readKnowledgeDir(dir, cwd);
    if (!read.ok) return read;
    problems.push(...read.problems);
    for (const { kind, id } of read.unreadable) (broken[brokenKey[kind]] as Set<string>).add(id);
    const layer = new Set<string>();
    for (const file of read.files) {
      const { entity, problems: fileProblems } = parseKnowledgeFile(file);
      problems.push(...fileProblems);
      if (!entity) {
        (broken[brokenKey[file.kind]] as Set<string>).add(file.id);
        continue;
      }
      const key = `${entity.kind}/${entity.id}`;
      if (layer.has(key)) {
        const first = merged[entity.kind].get(entity.id)!;
        problems.push(problemAt(entity.source, [], `duplicate id "${entity.id}": ${first.source.file} defines it too`));
        continue;
      }
      layer.add(key);
      merged[entity.kind].set(entity.id, entity);
    }
  }
  const loaded: LoadedKnowledge = {
    symptoms: [...merged.symptoms.values()] as LoadedEntity<'symptoms'>[],
    antiPatterns: [...merged['anti-patterns'].values()] as LoadedEntity<'anti-patterns'>[],
    questions: [...merged.questions.values()] as LoadedEntity<'questions'>[],
  };
  problems.push(...crossCheck(loaded, broken));
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, knowledge: toKnowledge(loaded), loaded, warnings: sortProblems(knowledgeWarnings(loaded)) };
}

const byId = (a: { id: string }, b: { id: string }) => compareText(a.id, b.id);

export function toKnowledge(loaded: LoadedKnowledge): Knowledge {
  return {
    symptoms: loaded.symptoms.map(({ id, body }) => ({ id, ...body })).sort(byId),
    antiPatterns: loaded.antiPatterns.map(({ id, body }) => ({ id, ...body })).sort(byId),
    questions: loaded.questions.map(({ id, body }) => ({ id, ...body })).sort(byId),
  };
}
