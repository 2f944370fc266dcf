import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { bundledIndex } from '../support/bundled-knowledge.js';
import { caseSetRules, diagnosisCaseSchema, type DiagnosisCase } from '../support/diagnosis-case-schema.js';
import { loadDiagnosisCases } from '../support/diagnosis-cases.js';

let index: KnowledgeIndex;
let cases: DiagnosisCase[];
beforeAll(async () => {
  index = await bundledIndex();
  cases = await loadDiagnosisCases();
});

describe('real diagnosis cases (test/data/diagnosis-cases)', () => {
  it('every case file matches the schema', () => {
    // loadDiagnosisCases throws on the first invalid file; this also proves the schema rejects what it should.
    expect(cases.length).toBeGreaterThan(0);
    const valid = { source: 'https://example.org/postmortem', title: 'A title here', summary: 'x'.repeat(150), split: 'dev', symptoms: ['merge-freeze'], causes: ['manual-deployments'], facts: {} };
    expect(diagnosisCaseSchema.safeParse(valid).success).toBe(true);
    expect(diagnosisCaseSchema.safeParse({ ...valid, facts: { 'deploy-automated': 'unsure' } }).success).toBe(false);
    expect(diagnosisCaseSchema.safeParse({ ...valid, source: 'not an address' }).success).toBe(false);
    expect(diagnosisCaseSchema.safeParse({ ...valid, symptoms: [] }).success).toBe(false);
  });

  it('names only symptoms, anti-patterns and questions the bundled knowledge has', () => {
    const unknown: string[] = [];
    for (const each of cases) {
      for (const id of each.symptoms) if (!index.symptoms.has(id)) unknown.push(`${each.id}: symptom ${id}`);
      for (const id of each.causes) if (!index.antiPatterns.has(id)) unknown.push(`${each.id}: anti-pattern ${id}`);
      for (const id of Object.keys(each.facts)) if (!index.questions.has(id)) unknown.push(`${each.id}: question ${id}`);
    }
    expect(unknown).toEqual([]);
  });

  it('lists each cause and symptom once, and cites a different source in every case', () => {
    const repeated = cases.filter((each) => new Set(each.causes).size !== each.causes.length || new Set(each.symptoms).size !== each.symptoms.length);
    expect(repeated.map((each) => each.id)).toEqual([]);
    expect(new Set(cases.map((each) => each.source)).size).toBe(cases.length);
  });

  it(`keeps the coverage rules of issue 7: at least ${caseSetRules.minCases} cases, ${caseSetRules.minDistinctPrimaryCauses} primary causes, few broad primaries, a real holdout`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(caseSetRules.minCases);
    const primaries = cases.map((each) => each.causes[0]!);
    expect(new Set(primaries).size).toBeGreaterThanOrEqual(caseSetRules.minDistinctPrimaryCauses);
    const broad = primaries.filter((id) => (caseSetRules.broadCauses as readonly string[]).includes(id)).length;
    expect(broad / cases.length).toBeLessThanOrEqual(caseSetRules.maxBroadPrimaryShare);
    const holdout = cases.filter((each) => each.split === 'holdout');
    expect(holdout.length).toBeGreaterThanOrEqual(caseSetRules.minHoldout);
    // About a third held out, spread over causes rather than piled on one.
    expect(holdout.length / cases.length).toBeGreaterThanOrEqual(0.28);
    expect(new Set(holdout.map((each) => each.causes[0])).size).toBeGreaterThanOrEqual(Math.ceil(holdout.length / 2));
  });
});
