import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RankedCause } from '../../src/engine/diagnosis-schema.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { rankCauses } from '../../src/engine/rank-causes.js';
import { baseLogOdds } from '../../src/engine/weights.js';
import { answerValues, type Answer, type Question } from '../../src/knowledge/schema.js';
import { bundledIndex } from '../support/bundled-knowledge.js';

let index: KnowledgeIndex;
let allSymptoms: string[];
beforeAll(async () => {
  index = await bundledIndex();
  allSymptoms = [...index.symptoms.keys()];
});

const byId = (ranking: readonly RankedCause[]) => new Map(ranking.map((cause) => [cause.id, cause]));
const questions = () => [...index.questions.values()];

/** Worked out from the question's own evidence: the answer that raises the most anti-patterns. */
function problemAnswer(question: Question): 'yes' | 'no' {
  const weight = { weak: 1, moderate: 2, strong: 3 } as const;
  const raised = (answer: 'yes' | 'no') =>
    question.evidence[answer].filter((item) => item.points === 'toward').reduce((sum, item) => sum + weight[item.strength], 0);
  return raised('yes') > raised('no') ? 'yes' : 'no';
}

/** Symptoms that ask the question, so the interview could really produce this answer. */
const askedBy = (questionId: string) => allSymptoms.filter((id) => index.symptoms.get(id)!.questions.includes(questionId));

describe('answers', () => {
  it('"unsure" moves nothing: the ranking is identical to leaving the question unanswered', () => {
    for (const question of questions()) {
      const symptoms = askedBy(question.id);
      expect(symptoms.length).toBeGreaterThan(0);
      expect(rankCauses(index, symptoms, { [question.id]: 'unsure' }), question.id).toEqual(rankCauses(index, symptoms, {}));
    }
  });

  it('"unsure" mixed into other answers changes nothing either', () => {
    const symptoms = ['fear-of-deploying', 'slow-recovery'];
    const answers: Record<string, Answer> = { 'deploy-automated': 'no', 'rollback-practiced': 'yes' };
    expect(rankCauses(index, symptoms, { ...answers, 'detect-within-minutes': 'unsure', 'pipeline-exists': 'unsure' })).toEqual(
      rankCauses(index, symptoms, answers),
    );
  });

  it('"partly" moves each cause strictly less than the problem answer, in the same direction', () => {
    let checked = 0;
    for (const question of questions()) {
      const problem = problemAnswer(question);
      // Every symptom chosen, so every anti-pattern is listed and visible in the ranking.
      const none = byId(rankCauses(index, allSymptoms, {}));
      const full = byId(rankCauses(index, allSymptoms, { [question.id]: problem }));
      const partly = byId(rankCauses(index, allSymptoms, { [question.id]: 'partly' }));
      for (const { antiPattern } of question.evidence[problem]) {
        const base = none.get(antiPattern)!.logOdds;
        const fullMove = full.get(antiPattern)!.logOdds - base;
        const partlyMove = partly.get(antiPattern)!.logOdds - base;
        expect(fullMove, `${question.id} ${problem} -> ${antiPattern}`).not.toBe(0);
        expect(Math.sign(partlyMove), `${question.id} partly -> ${antiPattern}`).toBe(Math.sign(fullMove));
        expect(Math.abs(partlyMove), `${question.id} partly -> ${antiPattern}`).toBeLessThan(Math.abs(fullMove));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('the problem answer raises every anti-pattern its evidence points toward', () => {
    for (const question of questions()) {
      const problem = problemAnswer(question);
      const toward = question.evidence[problem].filter((item) => item.points === 'toward');
      expect(toward.length, question.id).toBeGreaterThan(0);
      const symptoms = askedBy(question.id);
      const before = byId(rankCauses(index, symptoms, {}));
      const after = byId(rankCauses(index, symptoms, { [question.id]: problem }));
      for (const { antiPattern } of toward) {
        const raised = after.get(antiPattern);
        expect(raised, `${question.id}=${problem} should list ${antiPattern}`).toBeDefined();
        expect(raised!.logOdds, `${question.id}=${problem} -> ${antiPattern}`).toBeGreaterThan(before.get(antiPattern)?.logOdds ?? baseLogOdds);
      }
    }
  });

  it('the healthy answer lowers what the problem answer raises', () => {
    const symptoms = ['fear-of-deploying'];
    const none = byId(rankCauses(index, symptoms, {}));
    const healthy = byId(rankCauses(index, symptoms, { 'deploy-automated': 'yes' }));
    const problem = byId(rankCauses(index, symptoms, { 'deploy-automated': 'no' }));
    expect(healthy.get('manual-deployments')!.logOdds).toBeLessThan(none.get('manual-deployments')!.logOdds);
    expect(problem.get('manual-deployments')!.logOdds).toBeGreaterThan(none.get('manual-deployments')!.logOdds);
  });
});

describe('symptoms', () => {
  it('each symptom raises its most common cause more than its other causes', () => {
    for (const symptom of index.symptoms.values()) {
      const mostCommon = symptom.causes.filter((cause) => cause.mostCommon).map((cause) => cause.antiPattern);
      expect(mostCommon.length, symptom.id).toBeGreaterThan(0);
      const ranking = rankCauses(index, [symptom.id], {});
      const leader = ranking.find((cause) => mostCommon.includes(cause.id))!;
      for (const other of ranking.filter((cause) => !mostCommon.includes(cause.id))) {
        expect(leader.logOdds, `${symptom.id}: ${leader.id} vs ${other.id}`).toBeGreaterThan(other.logOdds);
      }
      expect(mostCommon).toContain(ranking[0]!.id);
      // Every listed cause is raised, and nothing else is.
      expect(ranking.map((cause) => cause.id).sort()).toEqual(symptom.causes.map((cause) => cause.antiPattern).sort());
      for (const cause of ranking) expect(cause.logOdds).toBeGreaterThan(baseLogOdds);
    }
  });

  it('a cause shared by two chosen symptoms ranks above a cause only one of them lists, all else equal', () => {
    let pairs = 0;
    const symptoms = [...index.symptoms.values()];
    for (const a of symptoms) {
      for (const b of symptoms) {
        if (a.id >= b.id) continue;
        const plainIn = (symptom: typeof a) => new Set(symptom.causes.filter((cause) => !cause.mostCommon).map((cause) => cause.antiPattern));
        const listedIn = (symptom: typeof a) => new Set(symptom.causes.map((cause) => cause.antiPattern));
        const aPlain = plainIn(a);
        const bPlain = plainIn(b);
        const shared = [...aPlain].filter((id) => bPlain.has(id));
        const single = [...aPlain, ...bPlain].filter((id) => !(listedIn(a).has(id) && listedIn(b).has(id)));
        if (shared.length === 0 || single.length === 0) continue;
        const ranking = rankCauses(index, [a.id, b.id], {});
        const position = new Map(ranking.map((cause, i) => [cause.id, i]));
        const logOdds = byId(ranking);
        for (const s of shared) {
          for (const o of single) {
            expect(logOdds.get(s)!.logOdds, `${a.id}+${b.id}: ${s} vs ${o}`).toBeGreaterThan(logOdds.get(o)!.logOdds);
            expect(position.get(s)!, `${a.id}+${b.id}: ${s} vs ${o}`).toBeLessThan(position.get(o)!);
          }
          expect(logOdds.get(s)!.explains).toEqual(expect.arrayContaining([a.id, b.id]));
        }
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(10);
  });

  it('a concrete shared cause: two symptoms that both list the pipeline put it above causes only one lists', () => {
    const ranking = rankCauses(index, ['deployment-procedure-varies', 'fear-of-deploying'], {});
    const pipeline = ranking.findIndex((cause) => cause.id === 'missing-deployment-pipeline');
    const runbooks = ranking.findIndex((cause) => cause.id === 'missing-runbooks');
    const blind = ranking.findIndex((cause) => cause.id === 'blind-operations');
    expect(pipeline).toBeGreaterThan(-1);
    expect(pipeline).toBeLessThan(runbooks);
    expect(pipeline).toBeLessThan(blind);
  });

  it('a symptom the knowledge does not know adds nothing', () => {
    expect(rankCauses(index, ['fear-of-deploying', 'no-such-symptom'], {})).toEqual(rankCauses(index, ['fear-of-deploying'], {}));
    expect(rankCauses(index, ['no-such-symptom'], {})).toEqual([]);
  });
});

const inputArbitrary = () =>
  fc
    .record({
      symptoms: fc.subarray(allSymptoms, { minLength: 1, maxLength: 6 }),
      answered: fc.array(fc.tuple(fc.constantFrom(...index.questions.keys()), fc.constantFrom(...answerValues)), { maxLength: 12 }),
    })
    .map(({ symptoms, answered }) => ({ symptoms, answers: Object.fromEntries(answered) as Record<string, Answer> }));

describe('ranked output', () => {
  it('confidences are strictly between 0 and 1 and agree with the log-odds order', () => {
    fc.assert(
      fc.property(inputArbitrary(), ({ symptoms, answers }) => {
        const ranking = rankCauses(index, symptoms, answers);
        expect(ranking.length).toBeGreaterThan(0);
        for (const cause of ranking) {
          expect(cause.confidence).toBeGreaterThan(0);
          expect(cause.confidence).toBeLessThan(1);
        }
        for (let i = 1; i < ranking.length; i++) expect(ranking[i - 1]!.logOdds).toBeGreaterThanOrEqual(ranking[i]!.logOdds);
      }),
      { numRuns: 200 },
    );
  });

  it('every ranked cause carries an evidence trail whose changes sum to its log-odds minus the base', () => {
    fc.assert(
      fc.property(inputArbitrary(), ({ symptoms, answers }) => {
        for (const cause of rankCauses(index, symptoms, answers)) {
          expect(cause.evidence.length).toBeGreaterThan(0);
          const total = cause.evidence.reduce((sum, entry) => sum + entry.change, 0);
          expect(total).toBeCloseTo(cause.logOdds - baseLogOdds, 9);
          for (const entry of cause.evidence) {
            if (entry.source === 'symptom') expect(symptoms).toContain(entry.id);
            else expect(answers[entry.id]).toBe(entry.answer);
          }
          // Every symptom it explains shows up in the trail.
          const fromSymptoms = cause.evidence.filter((entry) => entry.source === 'symptom').map((entry) => entry.id);
          expect([...fromSymptoms].sort()).toEqual([...cause.explains].sort());
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a cause only ruled out by answers is not listed', () => {
    const ranking = rankCauses(index, ['fear-of-deploying'], { 'blameless-reviews': 'yes' });
    expect(ranking.map((cause) => cause.id)).not.toContain('blame-culture');
  });

  it('a cause raised only by an answer is listed, with no symptoms explained', () => {
    const ranking = rankCauses(index, ['fear-of-deploying'], { 'blameless-reviews': 'no' });
    const blame = ranking.find((cause) => cause.id === 'blame-culture');
    expect(blame).toBeDefined();
    expect(blame!.explains).toEqual([]);
  });

  it('the same input twice gives deep-equal output, whatever order the answers were given in', () => {
    const symptoms = ['fear-of-deploying', 'slow-recovery', 'merge-freeze'];
    const answers: Record<string, Answer> = { 'deploy-automated': 'no', 'rollback-practiced': 'partly', 'pipeline-exists': 'yes' };
    const reversed = Object.fromEntries(Object.entries(answers).reverse()) as Record<string, Answer>;
    const first = rankCauses(index, symptoms, answers);
    expect(rankCauses(index, symptoms, answers)).toEqual(first);
    expect(rankCauses(index, symptoms, reversed)).toEqual(first);
    expect(JSON.stringify(rankCauses(index, symptoms, answers))).toBe(JSON.stringify(first));
  });
});
