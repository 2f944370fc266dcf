import { z } from 'zod';

/** Ids double as file names, so they stay lower-case words joined by hyphens. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, like "merge-freeze"');

const text = z.string().trim().min(1, 'must not be empty');

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

export const causeSchema = z.strictObject({
  antiPattern: idSchema,
  why: text,
  mostCommon: z.boolean().default(false),
});

export const symptomSchema = z.strictObject({
  title: text,
  summary: text,
  whatYouSee: text,
  category: symptomCategorySchema,
  personas: z.array(personaSchema).min(1),
  tags: z.array(idSchema).default([]),
  searchPhrases: z.array(text).min(4, 'needs at least 4 search phrases, written the way people say them'),
  causes: z.array(causeSchema).min(1, 'needs at least one cause'),
  questions: z.array(idSchema).min(1, 'needs at least one narrowing question'),
  related: z.array(idSchema).default([]),
});

/** "Week 1", "Weeks 2-3" or "Ongoing": week numbers count from the start of this anti-pattern's fix. */
export const weekRangeSchema = z
  .string()
  .regex(/^(?:Week [1-9]\d*|Weeks [1-9]\d*-[1-9]\d*|Ongoing)$/, 'must read "Week N", "Weeks N-M" or "Ongoing"')
  .refine((range) => {
    const match = /^Weeks (\d+)-(\d+)$/.exec(range);
    return !match || Number(match[1]) < Number(match[2]);
  }, 'the first week of a range must come before the last');

export const fixStepSchema = z.strictObject({
  weeks: weekRangeSchema,
  title: text,
  actions: z.array(text).min(1, 'needs at least one concrete action'),
});

export const objectionSchema = z.strictObject({
  objection: text,
  answer: text,
});

export const doraKeySchema = z.enum([
  'deployment-frequency',
  'lead-time-for-changes',
  'change-failure-rate',
  'time-to-restore',
]);

export const metricSchema = z.strictObject({
  name: text,
  direction: z.enum(['increase', 'decrease']),
  target: text.optional(),
  dora: doraKeySchema.optional(),
});

export const antiPatternSchema = z.strictObject({
  title: text,
  category: antiPatternCategorySchema,
  risk: riskSchema,
  summary: text,
  looksLike: text,
  telltaleSign: text,
  whyItHurts: text,
  fix: z.array(fixStepSchema).min(3, 'a fix plan needs at least 3 ordered steps'),
  objections: z.array(objectionSchema).min(1),
  metrics: z.array(metricSchema).min(1),
  prerequisites: z.array(idSchema).default([]),
  retroQuestions: z.array(text).min(2).max(3),
  related: z.array(idSchema).default([]),
});

export const evidenceSchema = z.strictObject({
  antiPattern: idSchema,
  points: z.enum(['toward', 'away']),
  strength: strengthSchema,
});

export const questionSchema = z.strictObject({
  text: text.refine((value) => value.endsWith('?'), 'must be a question ending in "?"'),
  help: text,
  evidence: z.strictObject({
    yes: z.array(evidenceSchema).default([]),
    no: z.array(evidenceSchema).default([]),
  }),
});

export type SymptomBody = z.infer<typeof symptomSchema>;
export type AntiPatternBody = z.infer<typeof antiPatternSchema>;
export type QuestionBody = z.infer<typeof questionSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type FixStep = z.infer<typeof fixStepSchema>;
export type Metric = z.infer<typeof metricSchema>;
export type Objection = z.infer<typeof objectionSchema>;

/** Where an entity came from, so every later problem can point at a file. */
export const originSchema = z.strictObject({ file: z.string(), line: z.number(), column: z.number() });

export const symptomEntitySchema = symptomSchema.extend({ id: idSchema });
export const antiPatternEntitySchema = antiPatternSchema.extend({ id: idSchema });
export const questionEntitySchema = questionSchema.extend({ id: idSchema });

export type Symptom = z.infer<typeof symptomEntitySchema>;
export type AntiPattern = z.infer<typeof antiPatternEntitySchema>;
export type Question = z.infer<typeof questionEntitySchema>;

export const knowledgeKinds = {
  symptoms: symptomSchema,
  'anti-patterns': antiPatternSchema,
  questions: questionSchema,
} as const;
export type KnowledgeKind = keyof typeof knowledgeKinds;

export const knowledgeSchema = z.strictObject({
  symptoms: z.array(symptomEntitySchema),
  antiPatterns: z.array(antiPatternEntitySchema),
  questions: z.array(questionEntitySchema),
});
export type Knowledge = z.infer<typeof knowledgeSchema>;
