// zod/mini keeps the headless start-up fast: the same schemas, a fraction of the code to load.
import * as z from 'zod/mini';
import { antiPatternCategorySchema, doraKeySchema, idSchema, metricDirectionSchema, personaSchema, riskSchema, strengthSchema, symptomCategorySchema } from './schema-primitives.js';
import { vocabularyConceptEntitySchema, vocabularyConceptSchema } from './vocabulary-schema.js';

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const list = <T extends z.core.SomeType>(item: T) => z._default(z.array(item), []);

export * from './schema-primitives.js';
export * from './vocabulary-schema.js';

export const causeSchema = z.strictObject({
  antiPattern: idSchema,
  why: text,
  mostCommon: z._default(z.boolean(), false),
});

export const symptomSchema = z.strictObject({
  title: text,
  summary: text,
  whatYouSee: text,
  category: symptomCategorySchema,
  personas: z.array(personaSchema).check(z.minLength(1, 'name at least one persona')),
  tags: list(idSchema),
  searchPhrases: z.array(text).check(z.minLength(4, 'needs at least 4 search phrases, written the way people say them')),
  causes: z.array(causeSchema).check(z.minLength(1, 'needs at least one cause')),
  questions: z.array(idSchema).check(z.minLength(1, 'needs at least one narrowing question')),
  /**
   * Answers this symptom already gives: a team that reports it has, by definition, answered these
   * questions this way. The engine counts them as evidence and never asks them.
   */
  implies: z._default(z.record(idSchema, z.enum(['yes', 'no'])), {}),
  related: list(idSchema),
});

/** "Week 1", "Weeks 2-3" or "Ongoing": week numbers count from the start of this anti-pattern's fix. */
export const weekRangeSchema = z.string().check(
  z.regex(/^(?:Week [1-9]\d*|Weeks [1-9]\d*-[1-9]\d*|Ongoing)$/, 'must read "Week N", "Weeks N-M" or "Ongoing"'),
  z.refine((range) => {
    const match = /^Weeks (\d+)-(\d+)$/.exec(range);
    return !match || Number(match[1]) < Number(match[2]);
  }, 'the first week of a range must come before the last'),
);

/** What a step waits for: a prerequisite anti-pattern's whole fix ("manual-deployments") or one of its steps ("manual-deployments/one-command"). */
export const stepNeedSchema = z.string().check(
  z.regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/,
    'must be an anti-pattern id, or "anti-pattern-id/step-id" for one of its steps',
  ),
);

/** Another anti-pattern's step that is the same work: "anti-pattern-id/step-id". */
export const stepRefSchema = z.string().check(
  z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must read "anti-pattern-id/step-id"'),
);

export const fixStepSchema = z.strictObject({
  /** Stable within its anti-pattern; plans and exports address the step as "anti-pattern-id/step-id". */
  id: idSchema,
  weeks: weekRangeSchema,
  title: text,
  actions: z.array(text).check(z.minLength(1, 'needs at least one concrete action')),
  /** Prerequisites this step waits for when they are in the same plan; steps without needs start on schedule. */
  needs: list(stepNeedSchema),
  /** The same work as another anti-pattern's step: a combined plan lists it once. */
  sameAs: z.optional(stepRefSchema),
});

export const objectionSchema = z.strictObject({ objection: text, answer: text });


export const metricSchema = z.strictObject({
  name: text,
  direction: metricDirectionSchema,
  target: z.optional(text),
  dora: z.optional(doraKeySchema),
});

export const antiPatternSchema = z.strictObject({
  title: text,
  category: antiPatternCategorySchema,
  risk: riskSchema,
  summary: text,
  looksLike: text,
  telltaleSign: text,
  whyItHurts: text,
  fix: z.array(fixStepSchema).check(
    z.minLength(3, 'a fix plan needs at least 3 ordered steps'),
    z.refine(stepsInOrder, 'steps must run in week order, with "Ongoing" last'),
    z.refine((steps) => new Set(steps.map((step) => step.id)).size === steps.length, 'step ids must be unique within the anti-pattern'),
  ),
  objections: z.array(objectionSchema).check(z.minLength(1, 'name at least one objection the team will hear')),
  metrics: z.array(metricSchema).check(z.minLength(1, 'name at least one progress metric')),
  prerequisites: list(idSchema),
  retroQuestions: z.array(text).check(z.minLength(2, 'needs 2 or 3 retrospective questions'), z.maxLength(3, 'needs 2 or 3 retrospective questions')),
  related: list(idSchema),
  /** Anti-patterns this one tends to bring about (a separate operations team makes deployments manual). */
  leadsTo: list(idSchema),
});

function stepsInOrder(steps: readonly { weeks: string }[]): boolean {
  const starts = steps.map(({ weeks }) => (weeks === 'Ongoing' ? Number.POSITIVE_INFINITY : Number(/\d+/.exec(weeks)?.[0])));
  return starts.every((start, index) => index === 0 || start >= starts[index - 1]!);
}

export const evidenceSchema = z.strictObject({
  antiPattern: idSchema,
  points: z.enum(['toward', 'away']),
  strength: strengthSchema,
});

export const questionSchema = z.strictObject({
  text: text.check(z.refine((value) => value.trim().endsWith('?'), 'must be a question ending in "?"')),
  help: text,
  evidence: z.strictObject({
    yes: list(evidenceSchema),
    no: list(evidenceSchema),
  }),
  /** Older question ids this one answers for, so answers files written with them still work. */
  replaces: list(idSchema),
  /** Why the text deliberately joins two conditions; silences the one-question-one-fact warning. */
  compoundBecause: z.optional(text),
});

export type SymptomBody = z.infer<typeof symptomSchema>;
export type AntiPatternBody = z.infer<typeof antiPatternSchema>;
export type QuestionBody = z.infer<typeof questionSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type FixStep = z.infer<typeof fixStepSchema>;
export type Metric = z.infer<typeof metricSchema>;

export const symptomEntitySchema = z.extend(symptomSchema, { id: idSchema });
export const antiPatternEntitySchema = z.extend(antiPatternSchema, { id: idSchema });
export const questionEntitySchema = z.extend(questionSchema, { id: idSchema });

export type Symptom = z.infer<typeof symptomEntitySchema>;
export type AntiPattern = z.infer<typeof antiPatternEntitySchema>;
export type Question = z.infer<typeof questionEntitySchema>;

export const knowledgeKinds = {
  symptoms: symptomSchema,
  'anti-patterns': antiPatternSchema,
  questions: questionSchema,
  vocabulary: vocabularyConceptSchema,
} as const;
export type KnowledgeKind = keyof typeof knowledgeKinds;

export const knowledgeSchema = z.strictObject({
  symptoms: z.array(symptomEntitySchema),
  antiPatterns: z.array(antiPatternEntitySchema),
  questions: z.array(questionEntitySchema),
  // Optional so knowledge built before the vocabulary existed (or by tools that know nothing of it) still loads.
  vocabulary: z.optional(z.array(vocabularyConceptEntitySchema)),
});
export type Knowledge = z.infer<typeof knowledgeSchema>;
