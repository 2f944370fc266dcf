import type { Problem } from '../source/problems.js';
import { unknownIdMessage } from '../source/suggest.js';
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

  const session = { ...parsed.data, answers: currentQuestionIds(parsed.data.answers, index) };
  const idProblems: Problem[] = [];
  session.symptoms.forEach((id, position) => {
    if (!index.symptoms.has(id)) idProblems.push(problemAt(source, ['symptoms', position], unknownIdMessage('symptom', id, index.symptoms.keys())));
    else if (session.symptoms.indexOf(id) !== position) idProblems.push(problemAt(source, ['symptoms', position], `symptom "${id}" is listed twice`));
  });
  for (const id of Object.keys(session.answers)) {
    if (!index.questions.has(id)) idProblems.push(problemAt(source, ['answers', id], unknownIdMessage('question', id, index.questions.keys())));
  }
  return idProblems.length > 0 ? { problems: idProblems } : { session, problems: [] };
}

/**
 * Answers given to a question that has since been renamed or split count for the question that
 * replaces it, unless the file answers that one too. Order is kept: the last answer stays last.
 */
function currentQuestionIds(answers: Session['answers'], index: KnowledgeIndex): Session['answers'] {
  const result: Session['answers'] = {};
  for (const [id, answer] of Object.entries(answers)) {
    const current = index.questions.has(id) ? id : (index.replacedQuestions.get(id) ?? id);
    if (current === id || !(current in answers)) result[current] = answer;
  }
  return result;
}
