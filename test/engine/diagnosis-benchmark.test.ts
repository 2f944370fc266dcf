import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { simulateInterview } from '../../src/engine/simulate-team.js';
import { bundledIndex } from '../support/bundled-knowledge.js';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await bundledIndex();
});

/** Every (symptom, anti-pattern it lists) pair: a team that has just that anti-pattern and reports that symptom. */
function cases() {
  const pairs: { symptom: string; antiPattern: string }[] = [];
  for (const antiPattern of index.antiPatterns.keys()) {
    for (const symptom of index.symptoms.values()) {
      if (symptom.causes.some((cause) => cause.antiPattern === antiPattern)) pairs.push({ symptom: symptom.id, antiPattern });
    }
  }
  return pairs;
}

describe('diagnosis accuracy against simulated teams', () => {
  it('every anti-pattern is reachable from at least one symptom', () => {
    const reachable = new Set(cases().map((pair) => pair.antiPattern));
    expect([...index.antiPatterns.keys()].filter((id) => !reachable.has(id))).toEqual([]);
  });

  it('ranks the true anti-pattern first for every symptom that lists it (100%), asking at most 6 questions on average', () => {
    const pairs = cases();
    expect(pairs.length).toBeGreaterThan(50);
    const misses: string[] = [];
    let asked = 0;
    for (const { symptom, antiPattern } of pairs) {
      const result = simulateInterview(index, [symptom], new Set([antiPattern]));
      asked += result.asked;
      if (result.ranking[0]?.id !== antiPattern) {
        misses.push(`${symptom} / ${antiPattern}: ranked ${result.ranking[0]?.id} first after ${result.asked} questions (${result.reason})`);
      }
    }
    expect(misses).toEqual([]);
    expect(asked / pairs.length).toBeLessThanOrEqual(6);
  });

  it('never asks more questions than the symptom has', () => {
    for (const { symptom, antiPattern } of cases()) {
      const result = simulateInterview(index, [symptom], new Set([antiPattern]));
      expect(result.asked).toBeLessThanOrEqual(index.symptoms.get(symptom)!.questions.length);
      expect(Object.keys(result.answers).every((id) => index.symptoms.get(symptom)!.questions.includes(id))).toBe(true);
    }
  });
});
