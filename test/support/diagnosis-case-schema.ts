// Real diagnosis cases: test data written by us from public sources, checked against the bundled knowledge.
import * as z from 'zod/mini';
import { idSchema } from '../../src/knowledge/schema-primitives.js';

/** What a source says a team answered; anything the source is silent on is left out (it becomes "unsure"). */
export const caseFactSchema = z.enum(['yes', 'no', 'partly']);

export const diagnosisCaseSchema = z.strictObject({
  source: z.url({ protocol: /^https?$/, error: 'must be the http(s) address of the public source' }),
  title: z.string().check(z.trim(), z.minLength(5), z.maxLength(120)),
  /** 3-5 sentences in our own words; never the source's prose. */
  summary: z.string().check(z.trim(), z.minLength(120, 'write 3-5 sentences'), z.maxLength(1200)),
  /** holdout cases are never tuned on. */
  split: z.enum(['dev', 'holdout']),
  symptoms: z.array(idSchema).check(z.minLength(1), z.maxLength(4)),
  /** The primary (most upstream) cause first, then the other causes the source supports. */
  causes: z.array(idSchema).check(z.minLength(1), z.maxLength(6)),
  facts: z._default(z.record(idSchema, caseFactSchema), {}),
});
export type DiagnosisCaseBody = z.infer<typeof diagnosisCaseSchema>;
export type DiagnosisCase = DiagnosisCaseBody & { id: string };

/** Rules the case set as a whole must keep (issue 7), so they cannot erode silently. */
export const caseSetRules = {
  minCases: 25,
  minDistinctPrimaryCauses: 15,
  /** At most this share of cases may name one of the broad causes as primary. */
  broadCauses: ['manual-deployments', 'missing-deployment-pipeline'],
  maxBroadPrimaryShare: 0.2,
  minHoldout: 10,
} as const;
