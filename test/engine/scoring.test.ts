import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrate, confidenceWord } from '../../src/engine/calibration.js';
import type { RankedCause } from '../../src/engine/diagnosis-schema.js';
import { questionNode } from '../../src/engine/findings.js';
import { indexKnowledge, type KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { parseSession } from '../../src/engine/parse-session.js';
import { analyse, rankCauses } from '../../src/engine/rank-causes.js';
import { answerValues, type Answer } from '../../src/knowledge/schema.js';
import { painLeadsAt, supportedAt } from '../../src/engine/weights.js';
import { bundledIndex } from '../support/bundled-knowledge.js';

let index: KnowledgeIndex;
let allSymptoms: string[];
beforeAll(async () => {
  index = await bundledIndex();
  allSymptoms = [...index.symptoms.keys()];
});

const byId = (ranking: readonly RankedCause[]) => new Map(ranking.map((cause) => [cause.id, cause]));
const questions = () => [...index.questions.values()];
const problemOf = (id: string) => questionNode(index.questions.get(id)!).problem;
const healthyOf = (id: string) => (problemOf(id) === 'yes' ? 'no' : 'yes');
/** Symptoms that list any anti-pattern the question raises, so the question's causes are in play. */
const symptomsFor = (questionId: string) => {
  const raised = new Set(questionNode(index.questions.get(questionId)!).toward.map((link) => link.antiPattern));
  return allSymptoms
    .filter((id) => !(questionId in index.symptoms.get(id)!.implies))
    .filter((id) => index.symptoms.get(id)!.causes.some((cause) => raised.has(cause.antiPattern)))
    .slice(0, 2);
};

describe('answers', () => {
  it('"unsure" moves nothing: the ranking is identical to leaving the question unanswered (an implied answer stands)', () => {
    for (const question of questions()) {
      const symptoms = symptomsFor(question.id).length > 0 ? symptomsFor(question.id) : ['waiting-on-qa-team'];
      expect(rankCauses(index, symptoms, { [question.id]: 'unsure' }), question.id).toEqual(rankCauses(index, symptoms, {}));
    }
  });

  it('the problem answer raises every anti-pattern it points toward, "partly" raises it less, the healthy answer lowers it', () => {
    let checked = 0;
    for (const question of questions()) {
      const symptoms = symptomsFor(question.id);
      const probability = (answers: Record<string, Answer>, id: string) => byId(rankCauses(index, symptoms, answers)).get(id)?.logOdds;
      for (const { antiPattern } of questionNode(question).toward.filter((link) => link.probability >= 0.85)) {
        const before = probability({}, antiPattern);
        if (before === undefined) continue;
        const problem = probability({ [question.id]: problemOf(question.id) }, antiPattern)!;
        const partly = probability({ [question.id]: 'partly' }, antiPattern)!;
        const healthy = probability({ [question.id]: healthyOf(question.id) }, antiPattern);
        expect(problem, `${question.id} -> ${antiPattern}`).toBeGreaterThan(partly);
        expect(partly, `${question.id} partly -> ${antiPattern}`).toBeGreaterThan(before);
        if (healthy !== undefined) expect(healthy, `${question.id} healthy -> ${antiPattern}`).toBeLessThan(before);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('a strong answer moves a cause further than a weak one', () => {
    // large-batches points strongly to large release batches and weakly to monolithic work items.
    const symptoms = ['infrequent-releases', 'regressions-on-release'];
    const before = byId(rankCauses(index, symptoms, {}));
    const after = byId(rankCauses(index, symptoms, { 'large-batches': 'yes' }));
    const lift = (id: string) => after.get(id)!.logOdds - before.get(id)!.logOdds;
    expect(lift('large-release-batches')).toBeGreaterThan(lift('monolithic-work-items'));
    expect(lift('monolithic-work-items')).toBeGreaterThan(0);
  });
});

describe('symptoms', () => {
  it('the evidence calls only the marked cause "most common", never the symptom\'s other causes', () => {
    const ranking = rankCauses(index, ['fear-of-deploying'], {});
    const said = (id: string) => ranking.find((cause) => cause.id === id)!.evidence.find((entry) => entry.source === 'symptom');
    expect(said('manual-deployments')).toMatchObject({ mostCommon: true });
    expect(said('blind-operations')).toMatchObject({ mostCommon: false });
  });

  it('each symptom alone puts its most common cause first (unless an answer it implies points elsewhere), raises only causes linked to it, and confirms nothing', () => {
    for (const symptom of index.symptoms.values()) {
      const mostCommon = symptom.causes.find((cause) => cause.mostCommon)!.antiPattern;
      const ranking = rankCauses(index, [symptom.id], {});
      if (Object.keys(symptom.implies).length === 0) expect(ranking[0]!.id, symptom.id).toBe(mostCommon);
      const linked = new Set(symptom.causes.map((cause) => cause.antiPattern));
      for (const questionId of Object.keys(symptom.implies)) for (const link of questionNode(index.questions.get(questionId)!).toward) linked.add(link.antiPattern);
      for (const cause of ranking) {
        const upstream = [...linked].some((id) => (index.drivenBy.get(id) ?? []).includes(cause.id));
        expect(linked.has(cause.id) || upstream, `${symptom.id}: ${cause.id}`).toBe(true);
        if (Object.keys(symptom.implies).length === 0) expect(cause.confidence).toBeLessThan(0.8);
      }
      for (const { antiPattern } of symptom.causes) expect(ranking.map((cause) => cause.id)).toContain(antiPattern);
    }
  });

  it('a cause two chosen symptoms share ranks above one that only one of them lists', () => {
    const ranking = rankCauses(index, ['deployment-procedure-varies', 'fear-of-deploying'], {});
    const position = (id: string) => ranking.findIndex((cause) => cause.id === id);
    expect(position('missing-deployment-pipeline')).toBeGreaterThan(-1);
    expect(position('missing-deployment-pipeline')).toBeLessThan(position('missing-runbooks'));
    expect(position('missing-deployment-pipeline')).toBeLessThan(position('blind-operations'));
    expect(byId(ranking).get('missing-deployment-pipeline')!.explains).toEqual(['deployment-procedure-varies', 'fear-of-deploying']);
  });

  it('a symptom the knowledge does not know adds nothing', () => {
    expect(rankCauses(index, ['fear-of-deploying', 'no-such-symptom'], {})).toEqual(rankCauses(index, ['fear-of-deploying'], {}));
    expect(rankCauses(index, ['no-such-symptom'], {})).toEqual([]);
  });
});

describe('answers a symptom implies', () => {
  it('count as evidence, shown as implied by the symptom, and an explicit answer overrides them', () => {
    const implied = rankCauses(index, ['deploy-release-coupled'], {});
    const progressive = byId(implied).get('no-progressive-delivery')!;
    expect(progressive.evidence).toContainEqual(expect.objectContaining({ source: 'implied', id: 'deploy-without-release', answer: 'no', symptom: 'deploy-release-coupled' }));
    const overridden = byId(rankCauses(index, ['deploy-release-coupled'], { 'deploy-without-release': 'yes' })).get('no-progressive-delivery');
    expect(overridden?.evidence.some((entry) => entry.source === 'implied')).toBeFalsy();
    expect(overridden?.logOdds ?? Number.NEGATIVE_INFINITY).toBeLessThan(progressive.logOdds);
  });
});

describe('several causes at once', () => {
  it('two causes with strong answers can both be likely: confidences are not shares of one root cause', () => {
    const ranking = rankCauses(index, ['fear-of-deploying', 'slow-recovery'], { 'deploy-automated': 'no', 'rollback-practiced': 'no', 'rollback-automated': 'no' });
    const found = byId(ranking);
    expect(found.get('manual-deployments')!.confidence).toBeGreaterThan(0.6);
    expect(found.get('no-rollback-strategy')!.confidence).toBeGreaterThan(0.6);
  });

  it('ranks the upstream cause above its consequence when the evidence supports both, and says it drives it', () => {
    // A separate operations team carries out the deployments, by hand: the team is the root, the manual steps follow.
    const answers: Record<string, Answer> = { 'ops-team-deploys': 'yes', 'ops-team-owns-pipeline': 'yes', 'deploy-automated': 'no', 'deploy-checklist-by-hand': 'yes' };
    const ranking = rankCauses(index, ['fear-of-deploying', 'pipeline-changes-require-another-team'], answers);
    const ids = ranking.map((cause) => cause.id);
    expect(ids.indexOf('separate-ops-team')).toBeLessThan(ids.indexOf('manual-deployments'));
    expect(byId(ranking).get('manual-deployments')!.drivenBy).toContain('separate-ops-team');
    // Without support for the upstream cause, its consequence leads on its own.
    const alone = rankCauses(index, ['fear-of-deploying'], { 'deploy-automated': 'no', 'ops-team-deploys': 'no', 'ops-team-owns-pipeline': 'no' });
    expect(alone[0]!.id).toBe('manual-deployments');
    expect(alone[0]!.drivenBy).toEqual([]);
  });

  it('an upstream cause no symptom names is listed once its consequences make it plausible', () => {
    const ranking = rankCauses(index, ['pipeline-changes-require-another-team', 'fear-of-deploying'], { 'deploy-automated': 'no', 'developers-barred-from-production': 'yes' });
    expect(ranking.map((cause) => cause.id)).toContain('separation-of-duties-as-separate-teams');
  });
});

describe('compatibility', () => {
  it('an answers file that uses a retired question id reports against the question that replaces it', () => {
    const knowledge = index.knowledge;
    const renamed = indexKnowledge({
      ...knowledge,
      questions: knowledge.questions.map((question) => (question.id === 'deploy-automated' ? { ...question, id: 'deploy-hands-free', replaces: ['deploy-automated'] } : question)),
      symptoms: knowledge.symptoms.map((symptom) => ({ ...symptom, questions: symptom.questions.map((id) => (id === 'deploy-automated' ? 'deploy-hands-free' : id)) })),
    });
    const { session, problems } = parseSession('old.yaml', 'version: 1\nsymptoms: [fear-of-deploying]\nanswers:\n  deploy-automated: "no"\n', renamed);
    expect(problems).toEqual([]);
    expect(session!.answers).toEqual({ 'deploy-hands-free': 'no' });
    expect(rankCauses(renamed, session!.symptoms, session!.answers)[0]!.id).toBe('manual-deployments');
  });
});

const inputArbitrary = () =>
  fc
    .record({
      symptoms: fc.subarray(allSymptoms, { minLength: 1, maxLength: 5 }),
      answered: fc.array(fc.tuple(fc.constantFrom(...index.questions.keys()), fc.constantFrom(...answerValues)), { maxLength: 12 }),
    })
    .map(({ symptoms, answered }) => ({ symptoms, answers: Object.fromEntries(answered) as Record<string, Answer> }));

describe('ranked output', () => {
  it('confidences lie strictly between 0 and 1, are the calibrated probabilities, and only the upstream or first-pain rule reorders them', () => {
    fc.assert(
      fc.property(inputArbitrary(), ({ symptoms, answers }) => {
        const ranking = rankCauses(index, symptoms, answers);
        expect(ranking.length).toBeGreaterThan(0);
        for (const cause of ranking) {
          expect(cause.confidence).toBeGreaterThan(0);
          expect(cause.confidence).toBeLessThan(1);
          expect(cause.confidence).toBeCloseTo(calibrate(1 / (1 + Math.exp(-cause.logOdds))), 9);
        }
        // Below the levels where the upstream and first-pain rules apply, nothing is reordered: probabilities descend.
        const floor = Math.log(Math.min(painLeadsAt, supportedAt) / (1 - Math.min(painLeadsAt, supportedAt)));
        const unsupported = ranking.filter((cause) => cause.logOdds < floor);
        for (let i = 1; i < unsupported.length; i++) expect(unsupported[i - 1]!.logOdds).toBeGreaterThanOrEqual(unsupported[i]!.logOdds);
      }),
      { numRuns: 60 },
    );
  });

  it('every evidence entry names a chosen symptom or a given (or implied) answer', () => {
    fc.assert(
      fc.property(inputArbitrary(), ({ symptoms, answers }) => {
        for (const cause of rankCauses(index, symptoms, answers)) {
          for (const entry of cause.evidence) {
            if (entry.source === 'symptom') expect(symptoms).toContain(entry.id);
            else if (entry.source === 'answer') expect(answers[entry.id]).toBe(entry.answer);
            else expect(index.symptoms.get(entry.symptom)!.implies[entry.id]).toBe(entry.answer);
          }
          const fromSymptoms = cause.evidence.filter((entry) => entry.source === 'symptom').map((entry) => entry.id);
          expect([...fromSymptoms].sort()).toEqual([...cause.explains].sort());
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a cause only ruled out by answers is not listed; one raised only by an answer is, with no symptoms explained', () => {
    expect(rankCauses(index, ['fear-of-deploying'], { 'blameless-reviews': 'yes' }).map((cause) => cause.id)).not.toContain('blame-culture');
    const blame = rankCauses(index, ['fear-of-deploying'], { 'blameless-reviews': 'no' }).find((cause) => cause.id === 'blame-culture');
    expect(blame).toBeDefined();
    expect(blame!.explains).toEqual([]);
  });

  it('the same input gives deep-equal output, whatever order the answers were given in', () => {
    const symptoms = ['fear-of-deploying', 'slow-recovery', 'merge-freeze'];
    const answers: Record<string, Answer> = { 'deploy-automated': 'no', 'rollback-practiced': 'partly', 'pipeline-exists': 'yes' };
    const reversed = Object.fromEntries(Object.entries(answers).reverse()) as Record<string, Answer>;
    const first = rankCauses(index, symptoms, answers);
    expect(JSON.stringify(rankCauses(index, symptoms, reversed))).toBe(JSON.stringify(first));
  });

  it('exact inference stays within the candidate limit, whatever the input', () => {
    const everything = analyse(index, allSymptoms, {});
    expect(everything.posterior.candidates.length).toBeLessThanOrEqual(14);
    expect(everything.ranking.length).toBeGreaterThan(14);
  });
});

describe('confidence a team can trust', () => {
  it('the calibration is monotone, never claims 0% or 100%, and so never reorders causes', () => {
    let previous = 0;
    for (let p = 0; p <= 1; p += 0.01) {
      const shown = calibrate(p);
      expect(shown).toBeGreaterThanOrEqual(previous);
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(1);
      previous = shown;
    }
  });

  it('early in an interview the app says "likely" or "possible" instead of a percentage', () => {
    expect(confidenceWord(0.85)).toBe('likely');
    expect(confidenceWord(0.4)).toBe('possible');
    expect(confidenceWord(0.1)).toBe('unlikely');
  });
});
