import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { rankCauses } from '../../src/engine/rank-causes.js';
import { sessionSchema } from '../../src/engine/session-schema.js';
import type { Answer } from '../../src/knowledge/schema.js';
import { bundledIndex } from '../support/bundled-knowledge.js';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await bundledIndex();
});

const ids = (ranking: { id: string }[], count: number) => ranking.slice(0, count).map((cause) => cause.id);

describe('seed 000: worked examples', () => {
  it('files copied by FTP, migrations run by hand, a forgotten script and hours of outage: manual deployments leads', () => {
    const session = sessionSchema.parse({
      version: 1,
      team: 'FTP web team',
      date: '2024-04-02',
      symptoms: ['deployment-procedure-varies', 'database-migrations-block-deploys', 'slow-recovery'],
      answers: {
        'deploy-automated': 'no',
        'migrations-in-pipeline': 'no',
        'runbook-current': 'no',
        'rollback-practiced': 'no',
        'pipeline-exists': 'no',
        // The crash hit every user at once, so they noticed; finding the missing script took the hours.
        'detect-within-minutes': 'yes',
        'same-deploy-path': 'yes',
      },
    });
    const diagnosis = diagnose(index, session);
    expect(diagnosis.ranking[0]!.id).toBe('manual-deployments');
    expect(diagnosis.ranking[0]!.confidence).toBeGreaterThanOrEqual(0.8);
    // The plan starts by automating the deployment.
    expect(diagnosis.plan.items[0]!.antiPattern).toBe('manual-deployments');
    // Everything the seed describes is in the plan: no pipeline, no runbook, no way back.
    const planned = diagnosis.plan.items.map((item) => item.antiPattern);
    expect(planned).toEqual(expect.arrayContaining(['missing-deployment-pipeline', 'no-rollback-strategy', 'missing-runbooks']));
    // They deploy the same (bad) way every time, so inconsistency is not what they have.
    expect(planned).not.toContain('inconsistent-deployment-procedures');
  });

  it('the minimal FTP answers from the brief also put manual deployments first', () => {
    const ranking = rankCauses(index, ['deployment-procedure-varies', 'database-migrations-block-deploys', 'slow-recovery'], {
      'deploy-automated': 'no',
      'migrations-in-pipeline': 'no',
      'runbook-current': 'no',
      'rollback-practiced': 'no',
    });
    expect(ranking[0]!.id).toBe('manual-deployments');
    expect(ids(ranking, 3)).toContain('no-rollback-strategy');
  });

  it('microservices each deployed a different way, cross-service features hit version mismatches', () => {
    const session = sessionSchema.parse({
      version: 1,
      symptoms: ['deployment-procedure-varies', 'coordinated-deployments', 'api-changes-break-consumers'],
      answers: {
        'same-deploy-path': 'no',
        'coordinated-release': 'yes',
        'synchronous-call-chains': 'yes',
        // Some services are copied by hand, some scripted, some orchestrated.
        'deploy-automated': 'partly',
        'shared-database': 'no',
      },
    });
    const { ranking, plan } = diagnose(index, session);
    const top3 = ids(ranking, 3);
    expect(top3).toContain('inconsistent-deployment-procedures');
    expect(ranking[0]!.id).toBe('distributed-monolith');
    const leaders = ranking.filter((cause) => cause.confidence >= 0.5).map((cause) => cause.id);
    expect(leaders).toEqual(expect.arrayContaining(['distributed-monolith', 'inconsistent-deployment-procedures']));
    expect(plan.items.map((item) => item.antiPattern)).toEqual(expect.arrayContaining(['distributed-monolith', 'inconsistent-deployment-procedures']));
  });

  it('the microservices team with only the three answers from the brief has coupling and inconsistency among the top three', () => {
    const ranking = rankCauses(index, ['deployment-procedure-varies', 'coordinated-deployments', 'api-changes-break-consumers'], {
      'same-deploy-path': 'no',
      'coordinated-release': 'yes',
      'synchronous-call-chains': 'yes',
    });
    const top3 = ids(ranking, 3);
    expect(top3).toContain('inconsistent-deployment-procedures');
    expect(top3.some((id) => id === 'distributed-monolith' || id === 'tightly-coupled-monolith')).toBe(true);
    expect(ranking[0]!.id).toBe('distributed-monolith');
  });
});

type Row = {
  situation: string;
  symptoms: string[];
  answers: Record<string, Answer>;
  /** Acceptable leading causes; the first `leaders` ranked causes must all come from this list. */
  expected: string[];
  leaders: 1 | 2;
};

const processVersusPeople: Row[] = [
  {
    situation: 'same failure happens repeatedly -> broken process',
    symptoms: ['same-failure-repeats'],
    answers: { 'blameless-reviews': 'no', 'fixes-on-release-branch': 'no' },
    expected: ['blame-culture'],
    leaders: 1,
  },
  {
    situation: 'failure happens with every new hire -> documentation gap',
    symptoms: ['new-hires-repeat-mistakes'],
    answers: { 'runbook-current': 'no', 'one-person-deploys': 'no', 'deploy-automated': 'partly' },
    expected: ['missing-runbooks'],
    leaders: 1,
  },
  {
    situation: 'one team deploys fine, another does not -> tooling inconsistency',
    symptoms: ['uneven-deployment-across-teams'],
    answers: { 'same-deploy-path': 'no', 'one-person-deploys': 'no', 'infra-self-service': 'partly' },
    expected: ['inconsistent-deployment-procedures'],
    leaders: 1,
  },
  {
    situation: 'works in staging, breaks in production -> environment inconsistency',
    symptoms: ['staging-passes-production-fails'],
    answers: { 'environments-from-code': 'no', 'environments-drift': 'yes', 'deploy-automated': 'yes', 'changes-ripple': 'no' },
    expected: ['snowflake-environments'],
    leaders: 1,
  },
  {
    situation: 'team avoids deploying on Fridays -> fear from past failures',
    symptoms: ['fear-of-deploying'],
    answers: { 'deploy-automated': 'no' },
    expected: ['manual-deployments'],
    leaders: 1,
  },
  {
    situation: 'hotfixes happen weekly -> weak QA and testing culture',
    symptoms: ['frequent-hotfixes-and-rollbacks'],
    answers: { 'tests-every-commit': 'no', 'automated-test-suite': 'no', 'deploy-automated': 'yes', 'testing-squeezed-by-deadlines': 'no' },
    expected: ['testing-only-at-the-end', 'manual-testing-only'],
    leaders: 2,
  },
  {
    situation: 'recovery takes hours after incidents -> no rollback plan, weak observability',
    symptoms: ['slow-recovery'],
    answers: { 'rollback-practiced': 'no', 'detect-within-minutes': 'no', 'production-alerting': 'no', 'incident-roles-defined': 'yes' },
    expected: ['no-rollback-strategy', 'blind-operations'],
    leaders: 2,
  },
];

describe('seed 001: process versus people', () => {
  it.each(processVersusPeople)('$situation', ({ symptoms, answers, expected, leaders }) => {
    const ranking = rankCauses(index, symptoms, answers);
    for (const id of ids(ranking, leaders)) expect(expected).toContain(id);
    // The answers confirm the lead: the plan is about it, not a guess.
    expect(ranking[0]!.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it.each(processVersusPeople)('$situation: without answers the leader is only a suggestion', ({ symptoms, answers, expected }) => {
    const bare = rankCauses(index, symptoms, {});
    const answered = rankCauses(index, symptoms, answers);
    const leader = answered[0]!;
    expect(expected).toContain(leader.id);
    const before = bare.find((cause) => cause.id === leader.id)!;
    expect(leader.confidence).toBeGreaterThan(before.confidence);
    // Symptoms alone never confirm a cause.
    expect(bare[0]!.confidence).toBeLessThan(0.8);
  });
});
