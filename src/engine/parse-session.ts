import type { Problem } from '../source/problems.js';
import { MAX_SUGGESTED, unknownIdMessage } from '../source/suggest.js';
import { parseYamlSource, problemAt } from '../source/yaml-source.js';
import { zodProblems } from '../source/zod-problems.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { sessionSchema, type Session } from './session-schema.js';

/** Parses an answers file (YAML or JSON) and checks every id it names against the knowledge. */
export function parseSession(file: string, text: string, index: KnowledgeIndex): { session?: Session; problems: Problem[] } {
  const { source, problems } = parseYamlSource(file, text);
  if (!source) return { problems };
  if (source.data === null || source.data === undefined) {
    return { problems: [problemAt(source, [], 'answers file is empty; it needs at least "version: 1" and "symptoms: [...]"')] };
  }
  const parsed = sessionSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) return { problems: zodProblems(source, sessionSchema, parsed.error.issues) };

  const session = parsed.data;
  const idProblems: Problem[] = [];
  // Suggestions cost a comparison with every known id: the first few problems get them, the rest are counted.
  const unknown = (kind: string, id: string, known: Iterable<string>) =>
    unknownIdMessage(kind, id, idProblems.length < MAX_SUGGESTED ? known : []);
  const listed = new Set<string>();
  session.symptoms.forEach((id, position) => {
    if (!index.symptoms.has(id)) idProblems.push(problemAt(source, ['symptoms', position], unknown('symptom', id, index.symptoms.keys())));
    else if (listed.has(id)) idProblems.push(problemAt(source, ['symptoms', position], `symptom "${id}" is listed twice`));
    listed.add(id);
  });
  // The ids as written: the schema's record drops a "__proto__" key, which must still be reported.
  for (const id of Object.keys((source.data as { answers?: object }).answers ?? {})) {
    if (!index.questions.has(id)) idProblems.push(problemAt(source, ['answers', id], unknown('question', id, index.questions.keys())));
  }
  return idProblems.length > 0 ? { problems: idProblems } : { session, problems: [] };
}
