import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { simulateInterview } from '../../src/engine/simulate-team.js';
import { defaultQuestionBudget } from '../../src/engine/weights.js';
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

// The old single-anti-pattern check, kept as a regression test: it grades the model against its own
// evidence, so it says nothing about real teams (npm run bench:diagnosis does), but it must not break.
describe('regression: a team with exactly one anti-pattern, answering truthfully', () => {
  it('every anti-pattern is reachable from at least one symptom', () => {
    const reachable = new Set(cases().map((pair) => pair.antiPattern));
    expect([...index.antiPatterns.keys()].filter((id) => !reachable.has(id))).toEqual([]);
  });

  it('ranks the true anti-pattern first for every symptom that lists it (100%), within the question budget', () => {
    const pairs = cases();
    expect(pairs.length).toBeGreaterThan(50);
    const misses: string[] = [];
    for (const { symptom, antiPattern } of pairs) {
      const result = simulateInterview(index, [symptom], new Set([antiPattern]));
      expect(result.asked).toBeLessThanOrEqual(defaultQuestionBudget);
      if (result.ranking[0]?.id !== antiPattern) {
        misses.push(`${symptom} / ${antiPattern}: ranked ${result.ranking[0]?.id} first after ${result.asked} questions (${result.reason})`);
      }
    }
    expect(misses).toEqual([]);
  });
});
