import * as z from 'zod/mini';
import { antiPatternCategorySchema, idSchema, riskSchema } from '../knowledge/schema-primitives.js';
import { metricsSchema } from './session-schema.js';

const probability = z.number().check(z.minimum(0), z.maximum(1));

/** Who can fix an anti-pattern once for every team that has it. */
export const ownerSchema = z.enum(['platform', 'leadership', 'teams']);
export type Owner = z.infer<typeof ownerSchema>;

export const portfolioTeamSchema = z.strictObject({
  team: z.string(),
  date: z.nullable(z.string()),
  file: z.string(),
  symptoms: z.int(),
  answers: z.int(),
  /** The anti-pattern the team's own plan starts with. */
  leads: z.nullable(idSchema),
  /** The anti-patterns in the team's own plan, in plan order. */
  plan: z.array(idSchema),
  /** Confidence per implicated anti-pattern. */
  confidence: z.record(idSchema, probability),
  /** Fix steps the answers file records as done, and the steps of the current plan still open. */
  progress: z.strictObject({ done: z.int(), open: z.int() }),
  /** The delivery metrics (DORA keys) the team reported, as written; null when it reported none. */
  metrics: z.nullable(metricsSchema),
});
export type PortfolioTeam = z.infer<typeof portfolioTeamSchema>;

export const portfolioAntiPatternSchema = z.strictObject({
  id: idSchema,
  title: z.string(),
  category: antiPatternCategorySchema,
  risk: riskSchema,
  owner: ownerSchema,
  /** Teams whose plan includes it, sorted by name. */
  teams: z.array(z.string()),
  /** Teams whose plan starts with it. */
  leadsFor: z.array(z.string()),
  averageConfidence: probability,
  shared: z.boolean(),
});
export type PortfolioAntiPattern = z.infer<typeof portfolioAntiPatternSchema>;

/** An earlier assessment of a team that a later one replaces in the portfolio. */
export const supersededSchema = z.strictObject({
  team: z.string(),
  file: z.string(),
  date: z.string(),
  /** The later file (or, when they clash, files) of the same team. */
  by: z.array(z.string()),
  byDate: z.string(),
});
export type Superseded = z.infer<typeof supersededSchema>;

export const portfolioSchema = z.strictObject({
  format: z.literal('deploy-doctor-portfolio'),
  version: z.literal(1),
  /** Sorted by team name, then date. */
  teams: z.array(portfolioTeamSchema),
  /** Every anti-pattern in at least one team's plan: the most widely shared first. */
  antiPatterns: z.array(portfolioAntiPatternSchema),
  /** The organisation-level order: shared fixes first, prerequisites before what needs them. */
  plan: z.array(idSchema),
  /** Earlier assessments left out because the same team has a later one, sorted by team and date. */
  superseded: z.array(supersededSchema),
});
export type Portfolio = z.infer<typeof portfolioSchema>;
