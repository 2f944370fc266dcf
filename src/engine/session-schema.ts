import * as z from 'zod/mini';
import { answerSchema, idSchema } from '../knowledge/schema-primitives.js';

/** The answers file: what a team reported and how it answered. Also the saved interactive session. */
export const sessionSchema = z.strictObject({
  version: z.literal(1, 'must be 1 (the only answers-file version so far)'),
  team: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters'))),
  date: z.optional(z.iso.date('must be a date written YYYY-MM-DD')),
  symptoms: z.array(idSchema).check(z.minLength(1, 'choose at least one symptom')),
  answers: z._default(z.record(idSchema, answerSchema), {}),
  notes: z.optional(z.string().check(z.maxLength(20_000, 'must be at most 20,000 characters'))),
  /** The knowledge the answers were given against (`knowledgeVersion`), so a portfolio never mixes two. */
  knowledge: z.optional(z.string().check(z.regex(/^sha256:[0-9a-f]{12}$/, 'must read "sha256:" and 12 hex digits, as deploy-doctor writes it'))),
});
export type Session = z.infer<typeof sessionSchema>;
