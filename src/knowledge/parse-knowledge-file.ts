import type { Problem } from '../source/problems.js';
import { parseYamlSource, problemAt, type YamlSource } from '../source/yaml-source.js';
import { zodProblems } from '../source/zod-problems.js';
import type { KnowledgeFile } from './read-knowledge-dir.js';
import { idSchema, knowledgeKinds, type AntiPatternBody, type KnowledgeKind, type QuestionBody, type SymptomBody, type VocabularyConceptBody } from './schema.js';

type BodyOf = { symptoms: SymptomBody; 'anti-patterns': AntiPatternBody; questions: QuestionBody; vocabulary: VocabularyConceptBody };

export type LoadedEntity<K extends KnowledgeKind = KnowledgeKind> = {
  kind: K;
  id: string;
  body: BodyOf[K];
  source: YamlSource;
};

/** Parses and schema-checks one file; the file name is the id. */
export function parseKnowledgeFile(file: KnowledgeFile): { entity?: LoadedEntity; problems: Problem[] } {
  const { source, problems } = parseYamlSource(file.file, file.text);
  if (!source) return { problems };
  const idProblems = idSchema.safeParse(file.id).success
    ? []
    : [problemAt(source, [], `file name "${file.id}" is not a valid id: use lower-case words joined by hyphens`)];
  if (source.data === null || source.data === undefined) {
    return { problems: [...idProblems, problemAt(source, [], 'file is empty')] };
  }
  const schema = knowledgeKinds[file.kind];
  const parsed = schema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) return { problems: [...idProblems, ...zodProblems(source, schema, parsed.error.issues)] };
  if (idProblems.length > 0) return { problems: idProblems };
  return { entity: { kind: file.kind, id: file.id, body: parsed.data, source } as LoadedEntity, problems: [] };
}
