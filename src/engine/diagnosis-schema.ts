import * as z from 'zod/mini';
import { answerSchema, antiPatternCategorySchema, doraKeySchema, idSchema, metricDirectionSchema, riskSchema } from '../knowledge/schema-primitives.js';

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
  /** "anti-pattern-id/step-id", stable across versions of the knowledge. */
  id: z.string(),
  antiPattern: idSchema,
  weeks: z.string(),
  title: z.string(),
  actions: z.array(z.string()),
  /** Absolute weeks in the combined plan; `to` is null for ongoing work. */
  from: week,
  to: z.nullable(week),
  /** The prerequisites in this plan that the step waits for (anti-pattern ids or step ids). */
  needs: z.array(z.string()),
  /** Null when the step is listed in full; otherwise the id of the same work listed earlier in the plan. */
  duplicateOf: z.nullable(z.string()),
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

/** A ranked cause the plan does not cover, and why: too many stronger causes, or not confident enough. */
export const planOmissionSchema = z.strictObject({
  antiPattern: idSchema,
  confidence: probability,
  reason: z.enum(['beyond-the-limit', 'not-confident']),
});
export type PlanOmission = z.infer<typeof planOmissionSchema>;

export const planSchema = z.strictObject({
  items: z.array(planItemSchema),
  /** Every step listed in full, by week; a duplicate appears only where it was first listed. */
  /** Causes in the plan only because the team added them. */
  addedByTeam: z.array(idSchema),
  omitted: z.array(planOmissionSchema),
  timeline: z.array(planStepSchema),
  weekOne: z.array(planStepSchema),
  metrics: z.array(
    z.strictObject({
      name: z.string(),
      direction: metricDirectionSchema,
      target: z.optional(z.string()),
      dora: z.optional(doraKeySchema),
      /** The team's own value today, when it reported the DORA metric this one tracks ("monthly"). */
      today: z.optional(z.string()),
      antiPatterns: z.array(idSchema),
    }),
  ),
  objections: z.array(z.strictObject({ antiPattern: idSchema, objection: z.string(), answer: z.string() })),
  retroQuestions: z.array(z.strictObject({ antiPattern: idSchema, question: z.string() })),
});
export type Plan = z.infer<typeof planSchema>;
