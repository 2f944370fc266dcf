// The small schemas that answers files and reports share with the knowledge, kept apart so the
// headless report path does not build every knowledge schema at start-up.
import * as z from 'zod/mini';

/** Ids double as file names, so they stay lower-case words joined by hyphens. */
export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Exactly the strings `idPattern` matches. */
export const idSchema = z.string().check(z.regex(idPattern, 'must be lower-case words joined by hyphens, like "merge-freeze"'));

export const answerValues = ['yes', 'no', 'partly', 'unsure'] as const;
export const answerSchema = z.enum(answerValues);
export type Answer = z.infer<typeof answerSchema>;

export const personaSchema = z.enum([
  'developer',
  'tech-lead',
  'manager',
  'facilitator',
  'consultant',
  'operations',
  'qa',
  'security',
  'product',
]);

export const symptomCategorySchema = z.enum([
  'deployment',
  'release-cadence',
  'approvals',
  'quality',
  'environments',
  'architecture',
  'operations',
  'team',
]);
export type SymptomCategory = z.infer<typeof symptomCategorySchema>;

export const antiPatternCategorySchema = z.enum([
  'pipeline',
  'environments',
  'testing',
  'governance',
  'organisation',
  'work-decomposition',
  'integration',
  'architecture',
  'release',
  'operations',
  'culture',
]);

export const riskSchema = z.enum(['critical', 'high', 'medium', 'low']);
export type Risk = z.infer<typeof riskSchema>;

/** A small qualitative scale; the engine decides what each step is worth. */
export const strengthSchema = z.enum(['weak', 'moderate', 'strong']);
export type Strength = z.infer<typeof strengthSchema>;

/** DORA's four keys; the fourth was renamed from time to restore service to failed deployment recovery time. */
export const doraKeySchema = z.enum([
  'deployment-frequency',
  'lead-time-for-changes',
  'change-failure-rate',
  'failed-deployment-recovery-time',
]);

/** `hold` is for a guard metric that must not get worse while something else improves. */
export const metricDirectionSchema = z.enum(['increase', 'decrease', 'hold']);
export type DoraKey = z.infer<typeof doraKeySchema>;
