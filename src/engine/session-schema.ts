import * as z from 'zod/mini';
import { answerSchema, idSchema } from '../knowledge/schema-primitives.js';
import { deploysPerDay, durationHint, durationHours, frequencyHint, percentHint, percentValue } from './metric-values.js';

/** Every note together: the same limit as the single note of version-1 files. */
export const notesLimit = 20_000;
export const teamNameLimit = 200;

const teamSchema = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(teamNameLimit, `must be at most ${teamNameLimit} characters`));
const notesSchema = z.string().check(z.maxLength(notesLimit, 'must be at most 20,000 characters'));
/** The team's notes: one text, or several (the app keeps a list). */
const teamNotesSchema = z.union([z.string(), z.array(z.string())]).check(
  z.refine((notes) => [notes].flat().join('').length <= notesLimit, 'must be at most 20,000 characters in all'),
);
/** Fields the interactive app adds to any session it saves. */
const appFields = {
  /** Causes the team added to the fix plan beyond the ones the evidence puts there. */
  addToPlan: z.optional(z.array(idSchema)),
  /** Where the interactive app was, so --resume returns there; hand-written files can leave it out. */
  resume: z.optional(
    z.strictObject({
      screen: z.optional(z.enum(['picker', 'interview', 'results'])),
      mode: z.optional(z.enum(['adaptive', 'all'])),
      draftNote: z.optional(z.string().check(z.maxLength(notesLimit, 'must be at most 20,000 characters'))),
    }),
  ),
};
const count = z.int('must be a whole number').check(z.minimum(0, 'must be 0 or more'));
const positiveCount = z.int('must be a whole number').check(z.minimum(1, 'must be 1 or more'));

/**
 * Who answered: a name or initials the facilitator chose, or an anonymous number written as text
 * ("1", "2", ...). Quoted in YAML, so "1" stays a label and never becomes a number.
 */
export const respondentLabelSchema = z
  .string('a respondent label must be text; write anonymous numbers in quotes, like "1"')
  .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(60, 'must be at most 60 characters'));

export const respondentSchema = z.strictObject({
  label: respondentLabelSchema,
  /** The symptoms this person reported on their own, kept when files are merged. */
  symptoms: z.optional(z.array(idSchema)),
  notes: z.optional(notesSchema),
});
export type Respondent = z.infer<typeof respondentSchema>;

/** A show of hands: how many people gave each answer, without names. Missing answers count 0. */
export const tallySchema = z.strictObject({
  yes: z.optional(count),
  no: z.optional(count),
  partly: z.optional(count),
  unsure: z.optional(count),
});
export type TallyInput = z.infer<typeof tallySchema>;

/** One question's answers in a version 2 file: one for the whole team, one per respondent, or a count. */
export const answerEntrySchema = z.union(
  [answerSchema, z.strictObject({ by: z.record(respondentLabelSchema, answerSchema) }), z.strictObject({ tally: tallySchema })],
  'must be yes, no, partly or unsure; or { by: { LABEL: ANSWER, ... } } with one answer per respondent; or { tally: { yes: N, no: N, partly: N, unsure: N } }',
);
export type AnswerEntry = z.infer<typeof answerEntrySchema>;

const readableAs = (read: (text: string) => number | undefined, hint: string) =>
  z.string(`must be text: ${hint}`).check(z.refine((text) => read(text) !== undefined, `must be ${hint}`));
const percentage = readableAs(percentValue, percentHint).check(
  z.refine((text) => (percentValue(text) ?? 0) <= 100, 'must be between 0% and 100%'),
);

/**
 * Self-reported delivery metrics (the DORA keys), written the way people say them.
 * `recoveryTime` is what DORA now calls failed deployment recovery time; `reworkRate` is the
 * share of deployments that were unplanned fixes, reported without a performance tier.
 */
export const metricsSchema = z.strictObject({
  deploymentFrequency: z.optional(readableAs(deploysPerDay, frequencyHint)),
  leadTime: z.optional(readableAs(durationHours, durationHint)),
  changeFailureRate: z.optional(percentage),
  recoveryTime: z.optional(readableAs(durationHours, durationHint)),
  reworkRate: z.optional(percentage),
});
export type Metrics = z.infer<typeof metricsSchema>;
export const metricKeys = ['deploymentFrequency', 'leadTime', 'changeFailureRate', 'recoveryTime', 'reworkRate'] as const;
export type MetricKey = (typeof metricKeys)[number];

/** Dots each person may place on the causes they would fix first (a dot vote). */
export const dotsPerPerson = 3;

/** The room's vote on what to fix first: each person's dots (a cause may get several), or the facilitator's tally. */
export const votesSchema = z.union(
  [
    z.strictObject({
      by: z.record(respondentLabelSchema, z.array(idSchema).check(z.maxLength(dotsPerPerson, `each person has ${dotsPerPerson} dots`))),
    }),
    z.strictObject({ tally: z.record(idSchema, positiveCount) }),
  ],
  'must be { by: { LABEL: [cause, cause, cause] } } (each person\'s three dots) or { tally: { cause: N, ... } }',
);
export type Votes = z.infer<typeof votesSchema>;

/** Fix steps the team has finished, by the id the report lists ("anti-pattern-id/step-id"). */
export const doneStepsSchema = z.array(
  z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a step id as the report lists it, like "manual-deployments/script-riskiest-steps"')),
);

export const answersFileVersions = [1, 2] as const;

/**
 * The answers file as written (YAML or JSON). Version 1 is one voice: one answer per question.
 * Version 2 adds the room: respondents, answers per person or by show of hands, symptom counts,
 * delivery metrics and the vote. Version 1 files are still read.
 */
export const answersFileSchema = z.strictObject({
  version: z.union([z.literal(1), z.literal(2)], 'must be 1 or 2 (2 adds respondents, tallies, metrics and votes)'),
  team: z.optional(teamSchema),
  date: z.optional(z.iso.date('must be a date written YYYY-MM-DD')),
  /** The knowledge the answers were given against; files from different knowledge cannot be merged. */
  knowledge: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters'))),
  respondents: z.optional(z.array(respondentSchema)),
  /** Room mode: answers are a show of hands among this many people, with no names recorded. */
  room: z.optional(z.strictObject({ people: z.int('must be a whole number').check(z.minimum(2, 'a room needs at least 2 people; one person is a normal session')) })),
  symptoms: z.array(idSchema).check(z.minLength(1, 'choose at least one symptom')),
  /** How many people reported each symptom. */
  symptomCounts: z.optional(z.record(idSchema, positiveCount)),
  answers: z._default(z.record(idSchema, answerEntrySchema), {}),
  metrics: z.optional(metricsSchema),
  votes: z.optional(votesSchema),
  notes: z.optional(teamNotesSchema),
  ...appFields,
  done: z.optional(doneStepsSchema),
});
export type AnswersFile = z.infer<typeof answersFileSchema>;

/** A show of hands with every answer counted (0 when nobody gave it). */
export const fullTallySchema = z.strictObject({ yes: count, no: count, partly: count, unsure: count });
export type Tally = z.infer<typeof fullTallySchema>;

/** What several people answered to one question: the counts, and who said what when names are known. */
export const responsesSchema = z.strictObject({
  tally: fullTallySchema,
  by: z.optional(z.record(respondentLabelSchema, answerSchema)),
});
export type Responses = z.infer<typeof responsesSchema>;

/**
 * A validated session, as the engine, the reports and the app use it. `answers` holds one answer
 * per question: as written for one voice, or the room's effective answer (see room-answers.ts)
 * when `responses` records several people's answers to that question.
 */
export const sessionSchema = z.strictObject({
  version: z.union([z.literal(1), z.literal(2)]),
  team: z.optional(teamSchema),
  date: z.optional(z.iso.date()),
  knowledge: z.optional(z.string()),
  respondents: z.optional(z.array(respondentSchema)),
  room: z.optional(z.strictObject({ people: z.int() })),
  symptoms: z.array(idSchema),
  symptomCounts: z.optional(z.record(idSchema, positiveCount)),
  answers: z._default(z.record(idSchema, answerSchema), {}),
  responses: z.optional(z.record(idSchema, responsesSchema)),
  metrics: z.optional(metricsSchema),
  votes: z.optional(votesSchema),
  notes: z.optional(teamNotesSchema),
  ...appFields,
  done: z.optional(doneStepsSchema),
});
export type Session = z.infer<typeof sessionSchema>;
