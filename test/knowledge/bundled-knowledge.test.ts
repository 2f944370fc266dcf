import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { formatProblem } from '../../src/source/problems.js';
import { bundledDir, repoRoot } from '../support/bundled-knowledge.js';
import { runCli } from '../support/run-cli.js';

/** The symptoms the catalog is built around: each must stay pickable by its id. */
const catalogSymptoms = [
  'api-changes-break-consumers',
  'artifacts-rebuilt-per-environment',
  'change-management-overhead',
  'coordinated-deployments',
  'cross-team-sign-off',
  'database-migrations-block-deploys',
  'deploy-release-coupled',
  'fear-of-deploying',
  'hardening-sprints',
  'infrequent-releases',
  'merge-freeze',
  'no-deployment-audit-trail',
  'no-rollback-capability',
  'pipeline-changes-require-another-team',
  'regressions-on-release',
  'release-manager-bottleneck',
  'security-review-bottleneck',
  'services-without-health-checks',
  'staging-passes-production-fails',
  'stateful-service-deployment-outages',
  'waiting-on-qa-team',
];

const requiredAntiPatterns = [
  'manual-deployments',
  'missing-deployment-pipeline',
  'snowflake-environments',
  'no-infrastructure-as-code',
  'pipeline-not-versioned',
  'blind-operations',
  'manual-testing-only',
  'inverted-test-pyramid',
  'testing-only-at-the-end',
  'manual-regression-testing-gates',
  'pressure-to-skip-testing',
  'cab-gates',
  'compliance-manual-approval',
  'separation-of-duties-as-separate-teams',
  'separate-ops-team',
  'siloed-qa-team',
  'qa-signoff-gate',
  'knowledge-silos',
  'monolithic-work-items',
  'horizontal-slicing',
  'undone-work',
  'integration-deferred',
  'long-lived-feature-branches',
  'release-branches-backporting',
  'large-release-batches',
  'distributed-monolith',
  'tightly-coupled-monolith',
  'no-progressive-delivery',
  'irreversible-schema-changes',
  'blame-culture',
];

const requiredQuestions = [
  'deploy-automated',
  'pipeline-exists',
  'single-artifact-promoted',
  'environments-from-code',
  'production-alerting',
  'detect-within-minutes',
  'tests-every-commit',
  'mostly-end-to-end-tests',
  'change-board-approval',
  'separate-qa-gate',
  'ops-team-owns-pipeline',
  'pipeline-in-version-control',
  'one-person-deploys',
  'shared-database',
  'coordinated-release',
  'long-lived-branches',
  'large-batches',
  'rollback-practiced',
];

let knowledge: Knowledge;

beforeAll(async () => {
  const result = await loadKnowledge([bundledDir], repoRoot);
  if (!result.ok) {
    const detail = 'problems' in result ? result.problems.map(formatProblem).join('\n') : result.usageError;
    throw new Error(`bundled knowledge is invalid:\n${detail}`);
  }
  knowledge = result.knowledge;
});

const ids = (entities: readonly { id: string }[]) => entities.map((entity) => entity.id);

describe('bundled knowledge', () => {
  it('validates with no problems', async () => {
    const result = await loadKnowledge([bundledDir], repoRoot);
    expect('problems' in result ? result.problems.map(formatProblem) : []).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('`validate` with no directory checks the bundled knowledge and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['validate']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^knowledge is valid: \d+ symptoms, \d+ anti-patterns, \d+ questions, \d+ vocabulary concepts\n$/);
  });

  it('has every catalog symptom, plus at least 8 more', () => {
    const symptomIds = ids(knowledge.symptoms);
    expect(symptomIds).toEqual(expect.arrayContaining(catalogSymptoms));
    expect(symptomIds.filter((id) => !catalogSymptoms.includes(id)).length).toBeGreaterThanOrEqual(8);
  });

  it('has every required anti-pattern', () => {
    expect(ids(knowledge.antiPatterns)).toEqual(expect.arrayContaining(requiredAntiPatterns));
  });

  it('has every required question', () => {
    expect(ids(knowledge.questions)).toEqual(expect.arrayContaining(requiredQuestions));
  });

  it('asks deploy-automated for at least 8 symptoms', () => {
    const askers = knowledge.symptoms.filter((symptom) => symptom.questions.includes('deploy-automated'));
    expect(askers.length).toBeGreaterThanOrEqual(8);
  });

  it('gives every symptom at least 4 search phrases and exactly one most common cause', () => {
    const offenders = knowledge.symptoms
      .map((symptom) => ({
        id: symptom.id,
        phrases: symptom.searchPhrases.length,
        mostCommon: symptom.causes.filter((cause) => cause.mostCommon).length,
      }))
      .filter(({ phrases, mostCommon }) => phrases < 4 || mostCommon !== 1);
    expect(offenders).toEqual([]);
  });

  it('makes a deployment pipeline a prerequisite of fixing change-board gates', () => {
    const cabGates = knowledge.antiPatterns.find((antiPattern) => antiPattern.id === 'cab-gates');
    expect(cabGates?.prerequisites).toContain('missing-deployment-pipeline');
  });

  it('covers the gaps against the seeds: each added anti-pattern has two questions of its own, asked wherever it is a cause', () => {
    const added = ['unrehearsed-deployments', 'hotfix-bypass', 'instance-bound-state'];
    for (const id of added) {
      const own = knowledge.questions.filter((question) => {
        const evidence = [...question.evidence.yes, ...question.evidence.no];
        return evidence.every((item) => item.antiPattern === id) && evidence.some((item) => item.points === 'toward' && item.strength === 'strong');
      });
      expect(own.length, id).toBeGreaterThanOrEqual(2);
      const listing = knowledge.symptoms.filter((symptom) => symptom.causes.some((cause) => cause.antiPattern === id));
      expect(listing.length, id).toBeGreaterThan(0);
      for (const symptom of listing) expect(symptom.questions.filter((question) => own.some((candidate) => candidate.id === question)).length, `${symptom.id} asks about ${id}`).toBeGreaterThan(0);
    }
  });

  it('gives every anti-pattern a fix plan of at least 3 steps', () => {
    const short = knowledge.antiPatterns.filter((antiPattern) => antiPattern.fix.length < 3).map((antiPattern) => antiPattern.id);
    expect(short).toEqual([]);
  });

  it('names no absolute week in fix step text: the plan moves a cause to later weeks', () => {
    const naming = knowledge.antiPatterns.flatMap((antiPattern) =>
      antiPattern.fix.flatMap((step) => [step.title, ...step.actions].filter((text) => /\bweeks? \d/i.test(text)).map((text) => `${antiPattern.id}: ${text}`)),
    );
    expect(naming).toEqual([]);
  });

  it('every symptom, anti-pattern and question reference resolves', () => {
    const symptomIds = new Set(ids(knowledge.symptoms));
    const antiPatternIds = new Set(ids(knowledge.antiPatterns));
    const questionIds = new Set(ids(knowledge.questions));
    const dangling: string[] = [];
    for (const symptom of knowledge.symptoms) {
      for (const cause of symptom.causes) if (!antiPatternIds.has(cause.antiPattern)) dangling.push(`${symptom.id} -> ${cause.antiPattern}`);
      for (const question of symptom.questions) if (!questionIds.has(question)) dangling.push(`${symptom.id} -> ${question}`);
      for (const related of symptom.related) if (!symptomIds.has(related)) dangling.push(`${symptom.id} -> ${related}`);
    }
    for (const question of knowledge.questions) {
      for (const item of [...question.evidence.yes, ...question.evidence.no]) {
        if (!antiPatternIds.has(item.antiPattern)) dangling.push(`${question.id} -> ${item.antiPattern}`);
      }
    }
    expect(dangling).toEqual([]);
  });

  it('`list anti-patterns --json` lists every required anti-pattern', async () => {
    const { code, stdout, stderr } = await runCli(['list', 'anti-patterns', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const listed = JSON.parse(stdout) as { id: string; title: string }[];
    expect(listed.map((entry) => entry.id)).toEqual(expect.arrayContaining(requiredAntiPatterns));
    expect(listed.every((entry) => typeof entry.title === 'string' && entry.title.length > 0)).toBe(true);
  });

  it('`list symptoms --json` and `list questions --json` list every catalog symptom and required question', async () => {
    const symptoms = await runCli(['list', 'symptoms', '--json']);
    const questions = await runCli(['list', 'questions', '--json']);
    expect([symptoms.code, questions.code]).toEqual([0, 0]);
    expect((JSON.parse(symptoms.stdout) as { id: string }[]).map((entry) => entry.id)).toEqual(expect.arrayContaining(catalogSymptoms));
    expect((JSON.parse(questions.stdout) as { id: string }[]).map((entry) => entry.id)).toEqual(expect.arrayContaining(requiredQuestions));
  });
});
