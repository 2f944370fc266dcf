import * as z from 'zod/mini';
import { evidenceEntrySchema, planSchema, rankedCauseSchema, stopReasonSchema } from '../engine/diagnosis-schema.js';
import { answerSchema, idSchema } from '../knowledge/schema-primitives.js';
import { fullTallySchema, metricsSchema } from '../engine/session-schema.js';

const clusterSchema = z.enum(['elite', 'high', 'medium', 'low']);

/** One question several people answered: the counts, what the engine made of them, and whether the room split. */
const questionTallySchema = z.strictObject({
  question: idSchema,
  text: z.string(),
  tally: fullTallySchema,
  /** "yes 5 · no 2 · unsure 1" */
  summary: z.string(),
  answer: answerSchema,
  /** How far the room's answer counted, 0 to 1 (1 when unanimous). */
  weight: z.number(),
  split: z.boolean(),
  /** Anti-patterns the question tests, highest ranked first. */
  moves: z.array(idSchema),
});

export const roomReportSchema = z.strictObject({
  people: z.nullable(z.int()),
  splitRule: z.strictObject({ minRespondents: z.int(), maxShare: z.number(), text: z.string() }),
  tallies: z.array(questionTallySchema),
  /** "Where the team disagrees": the split questions, each with the retrospective question it raises. */
  disagreements: z.array(z.extend(questionTallySchema, { retroQuestion: z.string() })),
  vote: z.nullable(
    z.strictObject({
      dots: z.array(z.strictObject({ antiPattern: idSchema, dots: z.int() })),
      voters: z.nullable(z.int()),
      chosenFirst: z.nullable(idSchema),
      summary: z.string(),
    }),
  ),
});

export const baselineReportSchema = z.strictObject({
  year: z.int(),
  report: z.string(),
  source: z.string(),
  note: z.string(),
  metrics: metricsSchema,
  entries: z.array(
    z.strictObject({
      metric: z.enum(['deploymentFrequency', 'leadTime', 'changeFailureRate', 'recoveryTime', 'reworkRate']),
      value: z.string(),
      today: z.string(),
      /** within / between / beyond-low / nearest / no-tier, with the clusters concerned. */
      placement: z.strictObject({ kind: z.enum(['within', 'between', 'beyond-low', 'nearest', 'no-tier']), clusters: z.array(clusterSchema) }),
      summary: z.string(),
      published: z.string(),
    }),
  ),
});

/** The JSON report other tools consume; its JSON Schema is committed beside the knowledge schema. */
export const reportSchema = z.strictObject({
  format: z.literal('deploy-doctor-report'),
  version: z.literal(1),
  team: z.nullable(z.string()),
  date: z.nullable(z.string()),
  notes: z.nullable(z.string()),
  summary: z.string(),
  symptoms: z.array(z.strictObject({ id: idSchema, title: z.string(), summary: z.string(), reportedBy: z.optional(z.int()) })),
  answers: z.array(z.strictObject({ question: idSchema, text: z.string(), answer: answerSchema, tally: z.optional(fullTallySchema) })),
  causes: z.array(
    z.extend(z.omit(rankedCauseSchema, { logOdds: true, evidence: true }), {
      rank: z.int().check(z.minimum(1)),
      evidence: z.array(z.intersection(evidenceEntrySchema, z.object({ summary: z.string() }))),
    }),
  ),
  plan: planSchema,
  /** The plan steps the answers file records as finished (its `done:` list), by step id. */
  done: z.array(z.string()),
  /** Present when several people answered: tallies, disagreements and the vote. */
  room: z.optional(roomReportSchema),
  /** Present when the team reported delivery metrics. */
  baseline: z.optional(baselineReportSchema),
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
