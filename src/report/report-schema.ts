import { z } from 'zod';
import { evidenceEntrySchema, planSchema, rankedCauseSchema, stopReasonSchema } from '../engine/diagnosis-schema.js';
import { answerSchema, idSchema } from '../knowledge/schema.js';

/** The JSON report other tools consume; its JSON Schema is committed beside the knowledge schema. */
export const reportSchema = z.strictObject({
  format: z.literal('deploy-doctor-report'),
  version: z.literal(1),
  team: z.string().nullable(),
  date: z.string().nullable(),
  notes: z.string().nullable(),
  summary: z.string(),
  symptoms: z.array(z.strictObject({ id: idSchema, title: z.string(), summary: z.string() })),
  answers: z.array(z.strictObject({ question: idSchema, text: z.string(), answer: answerSchema })),
  causes: z.array(
    rankedCauseSchema.omit({ logOdds: true, evidence: true }).extend({
      rank: z.number().int().min(1),
      evidence: z.array(z.intersection(evidenceEntrySchema, z.object({ summary: z.string() }))),
    }),
  ),
  plan: planSchema,
  interview: z.strictObject({
    asked: z.number().int(),
    remaining: z.number().int(),
    done: z.boolean(),
    reason: stopReasonSchema.nullable(),
    explanation: z.string().nullable(),
    nextQuestion: idSchema.nullable(),
  }),
});
export type JsonReport = z.infer<typeof reportSchema>;
