import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { sessionSchema } from '../../src/engine/session-schema.js';
import { summarize } from '../../src/report/summary.js';
import { bundledIndex } from '../support/bundled-knowledge.js';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await bundledIndex();
});

describe('the summary sentence', () => {
  it('calls a first-ranked driver the root cause to start with, not the most likely, when what it drives is more certain', () => {
    const diagnosis = diagnose(
      index,
      sessionSchema.parse({
        version: 1,
        symptoms: ['change-management-overhead', 'cross-team-sign-off', 'infrequent-releases'],
        answers: { 'change-board-approval': 'yes', 'same-approval-any-risk': 'yes', 'outside-team-signoff': 'yes' },
      }),
    );
    const [first, ...rest] = diagnosis.ranking;
    // The premise: the first cause drives a later one that the evidence makes more certain.
    expect(rest.some((cause) => cause.confidence > first!.confidence && cause.drivenBy.includes(first!.id))).toBe(true);
    const text = summarize(diagnosis);
    expect(text).toContain(`the root cause to start with is ${first!.title}`);
    expect(text).not.toContain('the most likely cause');
  });

  it('keeps "the most likely cause" when the first cause is also the most certain', () => {
    const diagnosis = diagnose(index, sessionSchema.parse({ version: 1, symptoms: ['fear-of-deploying'], answers: { 'deploy-automated': 'no', 'deploy-checklist-by-hand': 'yes' } }));
    const first = diagnosis.ranking[0]!;
    expect(diagnosis.ranking.every((cause) => cause.confidence <= first.confidence)).toBe(true);
    expect(summarize(diagnosis)).toContain(`the most likely cause is ${first.title}`);
  });
});
