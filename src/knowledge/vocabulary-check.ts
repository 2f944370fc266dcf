import type { Problem } from '../source/problems.js';
import { problemAt } from '../source/yaml-source.js';
import type { LoadedEntity } from './parse-knowledge-file.js';

/** How a term is compared: case, punctuation and spacing do not make two terms different. */
const normalizeTerm = (term: string) => term.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A term belongs to one concept only: listed twice, or claimed by two concepts, it would make the search
 * treat unrelated symptoms as alike. A pack that wants to move a term replaces the bundled concept file.
 */
export function vocabularyProblems(concepts: readonly LoadedEntity<'vocabulary'>[]): Problem[] {
  const owner = new Map<string, string>();
  const problems: Problem[] = [];
  for (const concept of concepts) {
    concept.body.terms.forEach((term, index) => {
      const key = normalizeTerm(term);
      const first = owner.get(key);
      if (first === concept.id) problems.push(problemAt(concept.source, ['terms', index], `"${term}" is listed twice`));
      else if (first) problems.push(problemAt(concept.source, ['terms', index], `"${term}" already belongs to concept "${first}"; a term can mean one concept only`));
      else owner.set(key, concept.id);
    });
  }
  return problems;
}
