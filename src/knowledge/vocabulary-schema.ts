// The search vocabulary: one file per concept under knowledge/vocabulary/, listing the words and phrases
// practitioners use for the same thing. Search treats a query and a symptom that name the same concept,
// in whatever words, as sharing that concept.
import * as z from 'zod/mini';
import { idSchema } from './schema-primitives.js';

/** A word or phrase as people write it: "dark launch", "CAB", "bus factor of one". */
const termSchema = z.string().check(
  z.trim(),
  z.minLength(2, 'must be a word or phrase of at least two characters'),
  z.regex(/[\p{L}\p{N}]/u, 'must contain a letter or a digit'),
);

export const vocabularyConceptSchema = z.strictObject({
  /** Why these belong together, for whoever edits the file next. */
  note: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'))),
  terms: z.array(termSchema).check(z.minLength(2, 'needs at least two terms: a concept is the words that mean it')),
});

export const vocabularyConceptEntitySchema = z.extend(vocabularyConceptSchema, { id: idSchema });

export type VocabularyConceptBody = z.infer<typeof vocabularyConceptSchema>;
export type VocabularyConcept = z.infer<typeof vocabularyConceptEntitySchema>;
