// The diagnosis benchmark's harness on a tiny slice: it must keep working, whatever the engine scores.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge, Question } from '../../src/knowledge/schema.js';
import { realCase } from '../bench/diagnosis.js';
import { prepare, type EngineIndex } from '../bench/diagnosis/engine-adapter.js';
import { primaryCause, simulateTeams, trueAnswer } from '../bench/diagnosis/realistic-teams.js';
import { mostCommonRanking, runAdaptive, runStatic, scoreCases, summarise, symptomCountRanking, type Outcome } from '../bench/diagnosis/score.js';
import { bundledIndex, repoRoot } from '../support/bundled-knowledge.js';
import { loadDiagnosisCases } from '../support/diagnosis-cases.js';

let knowledge: Knowledge;
let index: EngineIndex;
beforeAll(async () => {
  knowledge = (await bundledIndex()).knowledge;
  index = prepare(knowledge);
});

const question = (evidence: Question['evidence']): Question => ({ id: 'q', text: 'Is it so?', help: 'Why we ask.', evidence }) as Question;

describe('realistic simulated teams', () => {
  it('are reproducible from the seed and differ between seeds', () => {
    const first = simulateTeams(knowledge, { teams: 30, seed: 7 });
    expect(simulateTeams(knowledge, { teams: 30, seed: 7 })).toEqual(first);
    expect(simulateTeams(knowledge, { teams: 30, seed: 8 })).not.toEqual(first);
  });

  it('have 2 to 4 linked anti-patterns, 1 to 4 symptoms, the first caused by the primary', () => {
    const links = (id: string) => {
      const own = knowledge.antiPatterns.find((each) => each.id === id)!;
      const linked = new Set([...own.related, ...own.prerequisites, ...own.leadsTo]);
      for (const other of knowledge.antiPatterns) if ([...other.related, ...other.prerequisites, ...other.leadsTo].includes(id)) linked.add(other.id);
      return linked;
    };
    for (const team of simulateTeams(knowledge, { teams: 200, seed: 3 })) {
      expect(team.causes.length).toBeGreaterThanOrEqual(2);
      expect(team.causes.length).toBeLessThanOrEqual(4);
      expect(new Set(team.causes).size).toBe(team.causes.length);
      for (const id of team.causes) expect(team.causes.some((other) => other !== id && links(id).has(other))).toBe(true);
      expect(team.symptoms.length).toBeGreaterThanOrEqual(1);
      expect(team.symptoms.length).toBeLessThanOrEqual(4);
      const first = knowledge.symptoms.find((symptom) => symptom.id === team.symptoms[0])!;
      expect(first.causes.map((cause) => cause.antiPattern)).toContain(team.causes[0]);
    }
  });

  it('answer "unsure" about 40% of the time and cover every question', () => {
    const teams = simulateTeams(knowledge, { teams: 300, seed: 11 });
    const answers = teams.flatMap((team) => Object.values(team.answers));
    expect(answers.length).toBe(teams.length * knowledge.questions.length);
    const unsure = answers.filter((answer) => answer === 'unsure').length / answers.length;
    expect(unsure).toBeGreaterThan(0.36);
    expect(unsure).toBeLessThan(0.44);
  });

  it('take the primary cause from what leads to what: a present cause that brings about another is upstream', () => {
    // A small made-up catalog, so knowledge edits cannot change what this test means: a leads to b, b to c.
    // Prerequisites are fix order, not causation: d being a prerequisite of a does not make d upstream.
    const catalog = {
      antiPatterns: [
        { id: 'a', leadsTo: ['b'], prerequisites: ['d'], related: [] },
        { id: 'b', leadsTo: ['c'], prerequisites: [], related: [] },
        { id: 'c', leadsTo: [], prerequisites: [], related: [] },
        { id: 'd', leadsTo: [], prerequisites: [], related: [] },
      ],
    } as unknown as Knowledge;
    expect(primaryCause(catalog, ['b', 'a'], 'b')).toBe('a');
    // Through a chain, even when the link in between is absent.
    expect(primaryCause(catalog, ['c', 'a'], 'c')).toBe('a');
    // Two roots: the one with more present anti-patterns downstream of it wins.
    expect(primaryCause(catalog, ['d', 'a', 'b'], 'd')).toBe('a');
    // Not causally linked (only by a prerequisite): the seed wins the tie.
    expect(primaryCause(catalog, ['a', 'd'], 'd')).toBe('d');
  });

  it('answer from the direction of the evidence: raising answer, "partly" when mixed, healthy when untouched', () => {
    const q = question({
      yes: [{ antiPattern: 'a', points: 'toward', strength: 'strong' }],
      no: [{ antiPattern: 'b', points: 'toward', strength: 'weak' }, { antiPattern: 'a', points: 'away', strength: 'strong' }],
    });
    expect(trueAnswer(q, new Set(['a']))).toBe('yes');
    expect(trueAnswer(q, new Set(['b']))).toBe('no');
    expect(trueAnswer(q, new Set(['a', 'b']))).toBe('partly');
    const healthyNo = question({ yes: [{ antiPattern: 'a', points: 'toward', strength: 'strong' }], no: [{ antiPattern: 'a', points: 'away', strength: 'strong' }] });
    expect(trueAnswer(healthyNo, new Set(['c']))).toBe('no');
  });

  it('never reach into the engine: the simulation imports nothing from src/engine', async () => {
    const source = await readFile(`${repoRoot}test/bench/diagnosis/realistic-teams.ts`, 'utf8');
    expect(source).not.toMatch(/^import .*src\/engine/m);
    expect(source).not.toMatch(/answerEffects\(|\.logOdds/);
  });
});

describe('scoring', () => {
  const outcome = (ranking: [string, number][], causes: string[], asked = 0): Outcome => ({ ranking: ranking.map(([id, confidence]) => ({ id, confidence })), causes, asked });

  it('counts first, top three, all in five, questions, calibration and Brier', () => {
    const figures = summarise([
      outcome([['a', 0.9], ['b', 0.8], ['c', 0.1]], ['a', 'c'], 4),
      outcome([['x', 0.75], ['y', 0.5], ['a', 0.2]], ['a'], 2),
    ]);
    expect(figures.cases).toBe(2);
    expect(figures.top1).toBe(0.5);
    expect(figures.top3).toBe(1);
    expect(figures.all5).toBe(1);
    expect(figures.meanAsked).toBe(3);
    expect(figures.confident).toEqual({ shown: 3, present: 1 / 3 });
    const brier = (0.1 ** 2 + 0.8 ** 2 + 0.9 ** 2 + 0.75 ** 2 + 0.5 ** 2 + 0.8 ** 2) / 6;
    expect(figures.brier).toBeCloseTo(brier, 10);
  });

  it('baselines rank by symptom count (ties in listed order) and by the catalog\'s most common cause', () => {
    const cause = (antiPattern: string, mostCommon = false) => ({ antiPattern, mostCommon, why: 'because' });
    const catalog = {
      symptoms: [
        { id: 's1', causes: [cause('x'), cause('y', true), cause('z')] },
        { id: 's2', causes: [cause('w', true), cause('z'), cause('v')] },
      ],
    } as unknown as Knowledge;
    expect(symptomCountRanking(catalog, ['s1', 's2']).map((each) => each.id)).toEqual(['z', 'x', 'y', 'w', 'v']);
    expect(mostCommonRanking(catalog, ['s1', 's2']).map((each) => each.id)).toEqual(['y', 'w', 'x', 'z', 'v']);
  });

  it('runs static and adaptive interviews on real cases and simulated teams through the adapter', async () => {
    const cases = (await loadDiagnosisCases()).slice(0, 3).map(realCase);
    const teams = simulateTeams(knowledge, { teams: 5, seed: 1 });
    for (const team of [...cases, ...teams]) {
      const still = runStatic(index, team);
      expect(still.ranking.length).toBeGreaterThan(0);
      const interview = runAdaptive(index, team);
      expect(interview.asked).toBeGreaterThanOrEqual(0);
      expect(interview.ranking.every((cause) => cause.confidence >= 0 && cause.confidence <= 1)).toBe(true);
    }
    const board = scoreCases(knowledge, index, [...cases, ...teams]);
    expect(board.engineAdaptive.cases).toBe(cases.length + teams.length);
    expect(board.symptomCount.brier).toBeUndefined();
  });
});
