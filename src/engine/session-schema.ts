import { z } from 'zod';
import { answerSchema, idSchema } from '../knowledge/schema.js';

/** The answers file: what a team reported and how it answered. Also the saved interactive session. */
export const sessionSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1 (the only answers-file version so far)' }),
  team: z.string().trim().min(1).max(200).optional(),
  date: z.iso.date({ error: 'must be a date written YYYY-MM-DD' }).optional(),
  symptoms: z.array(idSchema).min(1, 'choose at least one symptom'),
  answers: z.record(idSchema, answerSchema).default({}),
  notes: z.string().max(20_000).optional(),
});
export type Session = z.infer<typeof sessionSchema>;
