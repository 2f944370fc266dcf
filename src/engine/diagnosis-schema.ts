import * as z from 'zod/mini';
import { answerSchema, antiPatternCategorySchema, doraKeySchema, idSchema, riskSchema } from '../knowledge/schema-primitives.js';

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
  /** An answer a chosen symptom already gives, so the question is never asked. */
  z.strictObject({
    source: z.literal('implied'),
    id: idSchema,
    answer: answerSchema,
    symptom: idSchema,
    change: z.number(),
  }),
]);
export type EvidenceEntry = z.infer<typeof evidenceEntrySchema>;

const probability = z.number().check(z.minimum(0), z.maximum(1));
const week = z.int().check(z.minimum(1));

export const rankedCauseSchema = z.strictObject({
  id: idSchema,
  title: z.string(),
  category: antiPatternCategorySchema,
  risk: riskSchema,
  confidence: probability,
  logOdds: z.number(),
  explains: z.array(idSchema),
  evidence: z.array(evidenceEntrySchema),
  /** Causes ranked above this one that probably drive it (both supported by the evidence). */
  drivenBy: z.array(idSchema),
});
export type RankedCause = z.infer<typeof rankedCauseSchema>;

export const stopReasonSchema = z.enum(['settled', 'negligible-gain', 'no-questions-left', 'budget']);
export type StopReason = z.infer<typeof stopReasonSchema>;

export const planStepSchema = z.strictObject({
  antiPattern: idSchema,
  weeks: z.string(),
  title: z.string(),
  actions: z.array(z.string()),
  /** Absolute weeks in the combined plan; `to` is null for ongoing work. */
  from: week,
  to: z.nullable(week),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const planItemSchema = z.strictObject({
  antiPattern: idSchema,
  title: z.string(),
  risk: riskSchema,
  confidence: probability,
  startWeek: week,
  /** The leading causes that need this one fixed first; empty for a leading cause in its own right. */
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
      target: z.optional(z.string()),
      dora: z.optional(doraKeySchema),
      antiPatterns: z.array(idSchema),
    }),
  ),
  objections: z.array(z.strictObject({ antiPattern: idSchema, objection: z.string(), answer: z.string() })),
  retroQuestions: z.array(z.strictObject({ antiPattern: idSchema, question: z.string() })),
});
export type Plan = z.infer<typeof planSchema>;
