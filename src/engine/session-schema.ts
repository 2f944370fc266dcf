import * as z from 'zod/mini';
import { answerSchema, idSchema } from '../knowledge/schema-primitives.js';

/** Every note together: the same limit as the single note of version-1 files. */
export const notesLimit = 20_000;
export const teamNameLimit = 200;

/** The answers file: what a team reported and how it answered. Also the saved interactive session. */
export const sessionSchema = z.strictObject({
  version: z.literal(1, 'must be 1 (the only answers-file version so far)'),
  team: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(teamNameLimit, `must be at most ${teamNameLimit} characters`))),
  date: z.optional(z.iso.date('must be a date written YYYY-MM-DD')),
  symptoms: z.array(idSchema).check(z.minLength(1, 'choose at least one symptom')),
  answers: z._default(z.record(idSchema, answerSchema), {}),
  notes: z.optional(
    z.union([z.string(), z.array(z.string())]).check(
      z.refine((notes) => [notes].flat().join('').length <= notesLimit, 'must be at most 20,000 characters in all'),
    ),
  ),
  /** Causes the team added to the fix plan beyond the ones the evidence puts there. */
  addToPlan: z.optional(z.array(idSchema)),
  /** Where the interactive app was, so --resume returns there; hand-written files can leave it out. */
  resume: z.optional(
    z.strictObject({
      screen: z.optional(z.enum(['picker', 'interview', 'results'])),
      mode: z.optional(z.enum(['adaptive', 'all'])),
      draftNote: z.optional(z.string().check(z.maxLength(notesLimit, 'must be at most 20,000 characters'))),
    }),
  ),
});
export type Session = z.infer<typeof sessionSchema>;
