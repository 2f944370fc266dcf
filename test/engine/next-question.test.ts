import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { questionNode } from '../../src/engine/findings.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { nextQuestion, relevantQuestions, type InterviewMode } from '../../src/engine/next-question.js';
import { simulateInterview, truthfulAnswer } from '../../src/engine/simulate-team.js';
import { defaultQuestionBudget } from '../../src/engine/weights.js';
import { answerValues, type Answer } from '../../src/knowledge/schema.js';
import { bundledIndex } from '../support/bundled-knowledge.js';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await bundledIndex();
});

/** Runs an interview step by step, recording every question in the order it was asked. */
function interview(symptoms: readonly string[], answerFor: (questionId: string) => Answer, mode: InterviewMode = 'adaptive', budget?: number) {
  const answers: Record<string, Answer> = {};
  const asked: string[] = [];
  for (let guard = 0; guard < 200; guard++) {
    const step = nextQuestion(index, { symptoms, answers }, mode, undefined, { budget });
    if (step.done) return { asked, answers, step };
    expect(step.question.id in answers, `${step.question.id} asked twice`).toBe(false);
    asked.push(step.question.id);
    answers[step.question.id] = answerFor(step.question.id);
  }
  throw new Error('interview never ended');
}

describe('which question comes next', () => {
  it('can ask beyond the chosen symptoms: a question that tests a plausible cause no symptom lists it for', () => {
    const symptoms = ['fear-of-deploying'];
    const listed = new Set(index.symptoms.get('fear-of-deploying')!.questions);
    const present = new Set(['manual-deployments', 'separate-ops-team']);
    const { asked } = interview(symptoms, (id) => truthfulAnswer(index.questions.get(id)!, present));
    expect(asked.some((id) => !listed.has(id))).toBe(true);
  });

  it('never asks a question the chosen symptom already answers, and counts its answer', () => {
    const { asked } = interview(['deploy-release-coupled'], () => 'unsure', 'all');
    expect(asked).not.toContain('deploy-without-release');
    expect(relevantQuestions(index, ['deploy-release-coupled']).map((question) => question.id)).not.toContain('deploy-without-release');
    for (const [symptom, question] of [
      ['cross-team-sign-off', 'outside-team-signoff'],
      ['release-manager-bottleneck', 'one-person-deploys'],
      ['no-rollback-capability', 'rollback-practiced'],
    ] as const) {
      expect(relevantQuestions(index, [symptom]).map((each) => each.id)).not.toContain(question);
    }
  });

  it('after "unsure", asks the best other question about the same cause', () => {
    const symptoms = ['fear-of-deploying'];
    const first = nextQuestion(index, { symptoms, answers: {} });
    expect(first.done).toBe(false);
    if (first.done) return;
    const tested = questionNode(first.question).toward.map((link) => link.antiPattern);
    const next = nextQuestion(index, { symptoms, answers: { [first.question.id]: 'unsure' } });
    expect(next.done).toBe(false);
    if (next.done) return;
    expect(next.question.id).not.toBe(first.question.id);
    expect(questionNode(next.question).toward.some((link) => tested.includes(link.antiPattern))).toBe(true);
    expect(next.why).toMatch(/unsure/);
  });

  it('says why it asks, and carries the budget', () => {
    const step = nextQuestion(index, { symptoms: ['fear-of-deploying'], answers: {} });
    expect(step.done).toBe(false);
    if (step.done) return;
    expect(step.why.length).toBeGreaterThan(10);
    expect(step.gain).toBeGreaterThan(0);
    expect(step.budget).toBe(defaultQuestionBudget);
    expect(step.asked).toBe(0);
  });

  it('gives the same question sequence every time', () => {
    const symptoms = ['frequent-hotfixes-and-rollbacks', 'regressions-on-release'];
    const present = new Set(['testing-only-at-the-end', 'large-release-batches']);
    const answerFor = (id: string) => truthfulAnswer(index.questions.get(id)!, present);
    expect(interview(symptoms, answerFor).asked).toEqual(interview(symptoms, answerFor).asked);
  });
});

describe('when the interview stops', () => {
  it('stops at the question budget (12 by default), or at the budget the caller sets', () => {
    const all = interview(['fear-of-deploying', 'slow-recovery', 'merge-freeze'], () => 'unsure');
    expect(all.asked.length).toBeLessThanOrEqual(defaultQuestionBudget);
    const short = interview(['fear-of-deploying', 'slow-recovery', 'merge-freeze'], () => 'unsure', 'adaptive', 3);
    expect(short.asked).toHaveLength(3);
    expect(short.step.done && short.step.reason).toBe('budget');
  });

  it('stops as settled once no answer to a remaining question could change the top three', () => {
    const present = new Set(['manual-deployments']);
    const result = simulateInterview(index, ['fear-of-deploying'], present);
    expect(result.ranking[0]!.id).toBe('manual-deployments');
    expect(['settled', 'budget']).toContain(result.reason);
  });

  it("mode 'all' ignores the budget and ends only when no relevant question is left", () => {
    const { asked, step } = interview(['waiting-on-qa-team'], () => 'unsure', 'all');
    expect(step.done && step.reason).toBe('no-questions-left');
    expect(step.remaining).toBe(0);
    expect(asked.length).toBeGreaterThan(0);
  });
});

describe('properties', () => {
  it('never throws and never returns an answered or implied question', () => {
    const symptomIds = [...index.symptoms.keys()];
    const questionIds = [...index.questions.keys()];
    fc.assert(
      fc.property(
        fc.subarray(symptomIds, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.constantFrom(...questionIds), fc.constantFrom(...answerValues)), { maxLength: 14 }),
        (symptoms, answered) => {
          const answers = Object.fromEntries(answered) as Record<string, Answer>;
          const step = nextQuestion(index, { symptoms, answers });
          if (step.done) return;
          expect(step.question.id in answers).toBe(false);
          const implied = symptoms.some((id) => step.question.id in index.symptoms.get(id)!.implies);
          expect(implied).toBe(false);
          expect(step.gain).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40 },
    );
  });
});
