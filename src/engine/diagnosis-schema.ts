import { z } from 'zod';
import { answerSchema, antiPatternCategorySchema, doraKeySchema, idSchema, riskSchema } from '../knowledge/schema.js';

/** One reason a cause moved: a chosen symptom that lists it, or an answer whose evidence names it. */
export const evidenceEntrySchema = z.discriminatedUnion('source', [
  z.strictObject({
    source: z.literal('symptom'),
    id: idSchema,
    mostCommon: z.boolean(),
    change: z.number(),
  }),
  z.strictObject({
    source: z.literal('answer'),
    id: idSchema,
    answer: answerSchema,
    change: z.number(),
  }),
]);
export type EvidenceEntry = z.infer<typeof evidenceEntrySchema>;

export const rankedCauseSchema = z.strictObject({
  id: idSchema,
  title: z.string(),
  category: antiPatternCategorySchema,
  risk: riskSchema,
  confidence: z.number().min(0).max(1),
  logOdds: z.number(),
  explains: z.array(idSchema),
  evidence: z.array(evidenceEntrySchema),
});
export type RankedCause = z.infer<typeof rankedCauseSchema>;

export const stopReasonSchema = z.enum(['settled', 'negligible-gain', 'no-questions-left']);
export type StopReason = z.infer<typeof stopReasonSchema>;

export const planStepSchema = z.strictObject({
  antiPattern: idSchema,
  weeks: z.string(),
  title: z.string(),
  actions: z.array(z.string()),
  /** Absolute weeks in the combined plan; `to` is null for ongoing work. */
  from: z.number().int().min(1),
  to: z.number().int().min(1).nullable(),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const planItemSchema = z.strictObject({
  antiPattern: idSchema,
  title: z.string(),
  risk: riskSchema,
  confidence: z.number(),
  startWeek: z.number().int().min(1),
  /** Set when the item is in the plan because a leading cause depends on it. */
  prerequisiteOf: z.array(idSchema),
  steps: z.array(planStepSchema),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const planSchema = z.strictObject({
  items: z.array(planItemSchema),
  timeline: z.array(planStepSchema),
  weekOne: z.array(planStepSchema),
  metrics: z.array(
    z.strictObject({
      name: z.string(),
      direction: z.enum(['increase', 'decrease']),
      target: z.string().optional(),
      dora: doraKeySchema.optional(),
      antiPatterns: z.array(idSchema),
    }),
  ),
  objections: z.array(z.strictObject({ antiPattern: idSchema, objection: z.string(), answer: z.string() })),
  retroQuestions: z.array(z.strictObject({ antiPattern: idSchema, question: z.string() })),
});
export type Plan = z.infer<typeof planSchema>;
