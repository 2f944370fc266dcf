import * as z from 'zod/mini';
import { idSchema } from '../knowledge/schema-primitives.js';
import { metricKeys } from './session-schema.js';

const probability = z.number().check(z.minimum(0), z.maximum(1));

/** How a cause moved between two assessments of the same team. */
export const causeChangeSchema = z.enum(['resolved', 'improved', 'unchanged', 'worse', 'new']);
export type CauseChange = z.infer<typeof causeChangeSchema>;

export const comparisonSchema = z.strictObject({
  format: z.literal('deploy-doctor-comparison'),
  version: z.literal(1),
  team: z.nullable(z.string()),
  before: z.strictObject({ team: z.nullable(z.string()), date: z.nullable(z.string()) }),
  after: z.strictObject({ team: z.nullable(z.string()), date: z.nullable(z.string()) }),
  /** Every cause that led either assessment; null confidence means not implicated at all. */
  causes: z.array(
    z.strictObject({
      id: idSchema,
      title: z.string(),
      before: z.nullable(probability),
      after: z.nullable(probability),
      change: causeChangeSchema,
    }),
  ),
  metrics: z.array(
    z.strictObject({
      key: z.enum(metricKeys),
      before: z.nullable(z.string()),
      after: z.nullable(z.string()),
      change: z.enum(['better', 'worse', 'same', 'not comparable']),
    }),
  ),
  /** The earlier plan's steps: finished ones, and the ones still open (carried forward). */
  steps: z.strictObject({
    total: z.int(),
    done: z.array(z.string()),
    open: z.array(
      z.strictObject({
        id: z.string(),
        antiPattern: idSchema,
        title: z.string(),
        /** Still part of the new plan; false when its cause no longer leads, so the step may be dropped. */
        stillPlanned: z.boolean(),
      }),
    ),
  }),
});
export type Comparison = z.infer<typeof comparisonSchema>;
