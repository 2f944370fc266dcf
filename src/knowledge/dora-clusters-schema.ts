import * as z from 'zod/mini';

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const amount = z.number().check(z.minimum(0, 'must be 0 or more'));
const clusterName = z.enum(['elite', 'high', 'medium', 'low']);
export type ClusterName = z.infer<typeof clusterName>;

/**
 * One cluster's published range for a metric, in the metric's unit. `from` is inclusive; the upper
 * end is either `upTo` (inclusive, "between one day and one week") or `below` (exclusive, "less than
 * one day"). A range with neither end is open.
 */
export const clusterBandSchema = z.strictObject({
  published: text,
  from: z.optional(amount),
  upTo: z.optional(amount),
  below: z.optional(amount),
});
export type ClusterBand = z.infer<typeof clusterBandSchema>;

const bandsSchema = z.strictObject({ elite: clusterBandSchema, high: clusterBandSchema, medium: clusterBandSchema, low: clusterBandSchema });

/** The published DORA software delivery performance clusters of one report year, with its source. */
export const doraClustersSchema = z.strictObject({
  report: text,
  year: z.int(),
  source: z.url(),
  /** Why this year: later reports that stopped publishing clusters, in our words. */
  note: text,
  /** Units the bands are written in. */
  units: z.strictObject({ deploymentInterval: z.literal('days'), leadTime: z.literal('hours'), recoveryTime: z.literal('hours'), changeFailureRate: z.literal('percent') }),
  /** Days between deployments (the inverse of frequency), so every band reads "lower is better". */
  deploymentInterval: bandsSchema,
  leadTime: bandsSchema,
  recoveryTime: bandsSchema,
  /** The report gives one typical change failure rate per cluster, not a range. */
  changeFailureRate: z.strictObject({ elite: amount, high: amount, medium: amount, low: amount }),
});
export type DoraClusters = z.infer<typeof doraClustersSchema>;
