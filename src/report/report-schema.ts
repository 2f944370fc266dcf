import * as z from 'zod/mini';
import { evidenceEntrySchema, planSchema, rankedCauseSchema, stopReasonSchema } from '../engine/diagnosis-schema.js';
import { answerSchema, idSchema } from '../knowledge/schema-primitives.js';

/** The JSON report other tools consume; its JSON Schema is committed beside the knowledge schema. */
export const reportSchema = z.strictObject({
  format: z.literal('deploy-doctor-report'),
  version: z.literal(1),
  team: z.nullable(z.string()),
  date: z.nullable(z.string()),
  notes: z.nullable(z.string()),
  summary: z.string(),
  symptoms: z.array(z.strictObject({ id: idSchema, title: z.string(), summary: z.string() })),
  answers: z.array(z.strictObject({ question: idSchema, text: z.string(), answer: answerSchema })),
  causes: z.array(
    z.extend(z.omit(rankedCauseSchema, { logOdds: true, evidence: true }), {
      rank: z.int().check(z.minimum(1)),
      evidence: z.array(z.intersection(evidenceEntrySchema, z.object({ summary: z.string() }))),
    }),
  ),
  plan: planSchema,
  interview: z.strictObject({
    asked: z.int(),
    remaining: z.int(),
    done: z.boolean(),
    reason: z.nullable(stopReasonSchema),
    explanation: z.nullable(z.string()),
    nextQuestion: z.nullable(idSchema),
  }),
});
export type JsonReport = z.infer<typeof reportSchema>;
