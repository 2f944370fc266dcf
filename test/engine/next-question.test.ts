import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { nextQuestion, relevantQuestions, type InterviewMode } from '../../src/engine/next-question.js';
import { rankCauses } from '../../src/engine/rank-causes.js';
import { simulateInterview, truthfulAnswer } from '../../src/engine/simulate-team.js';
import { answerValues, type Answer } from '../../src/knowledge/schema.js';
import { confirmedAt, settledDepth, unlikelyBelow } from '../../src/engine/weights.js';
import { bundledIndex } from '../support/bundled-knowledge.js';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await bundledIndex();
});

const questionsOf = (symptoms: readonly string[]) => new Set(symptoms.flatMap((id) => index.symptoms.get(id)!.questions));

/** Runs an interview step by step, recording every question in the order it was asked. */
function interview(symptoms: readonly string[], answerFor: (questionId: string) => Answer, mode: InterviewMode = 'adaptive') {
  const answers: Record<string, Answer> = {};
  const asked: string[] = [];
  for (let guard = 0; guard < 200; guard++) {
    const step = nextQuestion(index, { symptoms, answers }, mode);
    if (step.done) return { asked, answers, step };
    expect(step.question.id in answers, `${step.question.id} asked twice`).toBe(false);
    asked.push(step.question.id);
    answers[step.question.id] = answerFor(step.question.id);
  }
  throw new Error('interview never ended');
}

describe('which question comes next', () => {
  it('asks only questions of the chosen symptoms, never one already answered', () => {
    const symptoms = ['fear-of-deploying', 'slow-recovery'];
    const allowed = questionsOf(symptoms);
    for (const mode of ['adaptive', 'all'] as const) {
      const { asked } = interview(symptoms, () => 'unsure', mode);
      expect(asked.length).toBeGreaterThan(0);
      for (const id of asked) expect(allowed).toContain(id);
      expect(new Set(asked).size).toBe(asked.length);
    }
  });

  it('a question two symptoms share is asked once over a whole interview', () => {
    const symptoms = ['deployment-procedure-varies', 'fear-of-deploying'];
    const [first, second] = symptoms.map((id) => index.symptoms.get(id)!.questions);
    const shared = first!.filter((id) => second!.includes(id));
    expect(shared).toEqual(expect.arrayContaining(['deploy-automated', 'pipeline-exists']));
    const { asked, step } = interview(symptoms, () => 'unsure', 'all');
    for (const id of shared) expect(asked.filter((question) => question === id)).toHaveLength(1);
    expect(asked).toHaveLength(questionsOf(symptoms).size);
    expect(step.done && step.reason).toBe('no-questions-left');
  });

  it('relevantQuestions lists each question once, in the order the symptoms list them', () => {
    const symptoms = ['deployment-procedure-varies', 'fear-of-deploying', 'merge-freeze'];
    const ids = relevantQuestions(index, symptoms).map((question) => question.id);
    expect(ids).toEqual([...questionsOf(symptoms)]);
  });

  it('gives the same question sequence every time', () => {
    const symptoms = ['frequent-hotfixes-and-rollbacks', 'regressions-on-release', 'infrequent-releases'];
    const present = new Set(['testing-only-at-the-end']);
    const answerFor = (id: string) => truthfulAnswer(index.questions.get(id)!, present);
    const first = interview(symptoms, answerFor);
    const second = interview(symptoms, answerFor);
    expect(second.asked).toEqual(first.asked);
    expect(second.step).toEqual(first.step);
    expect(simulateInterview(index, symptoms, present)).toEqual(simulateInterview(index, symptoms, present));
  });

  it('the first question for a team afraid to deploy is worth asking (positive gain)', () => {
    const step = nextQuestion(index, { symptoms: ['fear-of-deploying'], answers: {} });
    expect(step.done).toBe(false);
    if (step.done) return;
    expect(step.gain).toBeGreaterThan(0);
    expect(index.symptoms.get('fear-of-deploying')!.questions).toContain(step.question.id);
    expect(step.asked).toBe(0);
    expect(step.remaining).toBe(index.symptoms.get('fear-of-deploying')!.questions.length);
  });

  it('counts asked and remaining questions', () => {
    const symptoms = ['fear-of-deploying'];
    const total = index.symptoms.get('fear-of-deploying')!.questions.length;
    const step = nextQuestion(index, { symptoms, answers: { 'pipeline-exists': 'unsure', 'large-batches': 'no' } }, 'all');
    expect(step.asked).toBe(2);
    expect(step.remaining).toBe(total - 2);
  });
});

describe('when the interview stops', () => {
  it("stops with 'settled' once the leader is confirmed and the rest are unlikely", () => {
    // Manual steps confirmed; pipeline, monitoring, tests and item size all ruled out.
    const answers: Record<string, Answer> = {
      'deploy-automated': 'no',
      'pipeline-exists': 'yes',
      'detect-within-minutes': 'yes',
      'automated-test-suite': 'yes',
      'work-items-take-weeks': 'no',
    };
    const input = { symptoms: ['fear-of-deploying'], answers };
    const ranking = rankCauses(index, input.symptoms, input.answers);
    expect(ranking[0]!.id).toBe('manual-deployments');
    expect(ranking[0]!.confidence).toBeGreaterThanOrEqual(confirmedAt);
    for (const cause of ranking.slice(1, settledDepth)) expect(cause.confidence).toBeLessThanOrEqual(unlikelyBelow);
    const step = nextQuestion(index, input);
    expect(step.done).toBe(true);
    if (!step.done) return;
    expect(step.reason).toBe('settled');
    expect(step.explanation).toContain('Manual deployments');
    expect(step.remaining).toBeGreaterThan(0);
    // Asking everything ignores that the case is settled.
    expect(nextQuestion(index, input, 'all').done).toBe(false);
  });

  it('a simulated interview for a team with only manual deployments stops early, before running out of questions', () => {
    const result = simulateInterview(index, ['fear-of-deploying'], new Set(['manual-deployments']));
    expect(result.ranking[0]!.id).toBe('manual-deployments');
    expect(['settled', 'negligible-gain']).toContain(result.reason);
    expect(result.asked).toBeLessThan(index.symptoms.get('fear-of-deploying')!.questions.length);
  });

  it("does not settle while a top cause is still in doubt", () => {
    const step = nextQuestion(index, { symptoms: ['fear-of-deploying'], answers: {} });
    expect(step.done).toBe(false);
  });

  it("stops with 'no-questions-left' once every relevant question is answered", () => {
    const symptoms = ['fear-of-deploying', 'waiting-on-qa-team'];
    const answers = Object.fromEntries([...questionsOf(symptoms)].map((id) => [id, 'unsure' as Answer]));
    for (const mode of ['adaptive', 'all'] as const) {
      const step = nextQuestion(index, { symptoms, answers }, mode);
      expect(step.done).toBe(true);
      if (!step.done) return;
      expect(step.reason).toBe('no-questions-left');
      expect(step.remaining).toBe(0);
      expect(step.asked).toBe(questionsOf(symptoms).size);
    }
  });

  it("mode 'all' asks every relevant question, even when the answers settle things early", () => {
    const symptoms = ['fear-of-deploying', 'slow-recovery'];
    const present = new Set(['manual-deployments']);
    const adaptive = simulateInterview(index, symptoms, present, 'adaptive');
    const all = simulateInterview(index, symptoms, present, 'all');
    expect(all.reason).toBe('no-questions-left');
    expect(Object.keys(all.answers).sort()).toEqual([...questionsOf(symptoms)].sort());
    expect(all.asked).toBe(questionsOf(symptoms).size);
    expect(adaptive.asked).toBeLessThan(all.asked);
    expect(all.ranking[0]!.id).toBe('manual-deployments');
  });
});

describe('properties', () => {
  it('never throws and never returns an answered question, for any symptoms and answers', () => {
    const symptomIds = [...index.symptoms.keys()];
    const questionIds = [...index.questions.keys()];
    fc.assert(
      fc.property(
        fc.subarray(symptomIds, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.constantFrom(...questionIds), fc.constantFrom(...answerValues)), { maxLength: 20 }),
        fc.constantFrom<InterviewMode>('adaptive', 'all'),
        (symptoms, answered, mode) => {
          const answers = Object.fromEntries(answered) as Record<string, Answer>;
          const step = nextQuestion(index, { symptoms, answers }, mode);
          const relevant = questionsOf(symptoms);
          expect(step.asked + step.remaining).toBe(relevant.size);
          if (step.done) {
            if (step.reason === 'no-questions-left') expect([...relevant].every((id) => id in answers)).toBe(true);
            return;
          }
          expect(step.question.id in answers).toBe(false);
          expect(relevant).toContain(step.question.id);
          expect(step.gain).toBeGreaterThanOrEqual(0);
          if (mode === 'adaptive') expect(step.gain).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
