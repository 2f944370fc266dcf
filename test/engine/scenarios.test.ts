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
const find = (ranking: { id: string }[], id: string) => ranking.findIndex((cause) => cause.id === id);

describe('worked examples with several causes at once', () => {
  it('a web shop uploads its release over FTP, applies the schema change by hand, forgets one script and is down for hours', () => {
    const session = sessionSchema.parse({
      version: 1,
      team: 'Web shop',
      date: '2025-03-11',
      symptoms: ['deployment-procedure-varies', 'database-migrations-block-deploys', 'slow-recovery'],
      answers: {
        'deploy-automated': 'no',
        'migrations-in-pipeline': 'no',
        'runbook-current': 'no',
        'rollback-practiced': 'no',
        'pipeline-exists': 'no',
        // Every customer saw the error page at once, so they knew quickly; the hours went into finding the script.
        'detect-within-minutes': 'yes',
        'same-deploy-path': 'yes',
      },
    });
    const { ranking, plan } = diagnose(index, session);
    const top3 = ids(ranking, 3);
    // Three causes at once: no pipeline, the hand-run steps it leaves, and no way back.
    expect(top3).toEqual(expect.arrayContaining(['missing-deployment-pipeline', 'manual-deployments', 'no-rollback-strategy']));
    // The missing pipeline is upstream: it ranks first and is named as what drives the manual steps.
    expect(ranking[0]!.id).toBe('missing-deployment-pipeline');
    expect(ranking.find((cause) => cause.id === 'manual-deployments')!.drivenBy).toContain('missing-deployment-pipeline');
    expect(ranking.find((cause) => cause.id === 'manual-deployments')!.confidence).toBeGreaterThanOrEqual(0.8);
    // One deployment path, followed the same bad way every time: inconsistency is not their problem.
    expect(plan.items.map((item) => item.antiPattern)).not.toContain('inconsistent-deployment-procedures');
    expect(plan.items.map((item) => item.antiPattern)).toEqual(expect.arrayContaining(['missing-deployment-pipeline', 'manual-deployments', 'no-rollback-strategy']));
  });

  it('a product split into services, each shipped its own way, where features spanning services break on mismatched versions', () => {
    const session = sessionSchema.parse({
      version: 1,
      symptoms: ['deployment-procedure-varies', 'coordinated-deployments', 'api-changes-break-consumers'],
      answers: {
        'same-deploy-path': 'no',
        'deploy-steps-differ-by-service': 'yes',
        'coordinated-release': 'yes',
        'synchronous-call-chains': 'yes',
        // A few services have scripts, the rest are copied across by hand.
        'deploy-automated': 'partly',
        'shared-database': 'no',
      },
    });
    const { ranking, plan } = diagnose(index, session);
    expect(ids(ranking, 2).sort()).toEqual(['distributed-monolith', 'inconsistent-deployment-procedures']);
    for (const id of ['distributed-monolith', 'inconsistent-deployment-procedures']) {
      expect(ranking.find((cause) => cause.id === id)!.confidence).toBeGreaterThanOrEqual(0.7);
      expect(plan.items.map((item) => item.antiPattern)).toContain(id);
    }
    // No shared schema: the services are coupled through calls and releases, not one database.
    expect(find(ranking, 'tightly-coupled-monolith')).not.toBeLessThan(3);
  });
});

type Row = { pain: string; symptoms: string[]; answers: Record<string, Answer>; leader: string; alsoLikely?: string };

// What keeps going wrong, and what it usually says about the team: whether the fix is a process, a document, a tool or an environment.
const processOrPeople: Row[] = [
  {
    pain: 'one kind of failure keeps coming back, and reviews look for someone to blame',
    symptoms: ['same-failure-repeats'],
    answers: { 'blameless-reviews': 'no', 'incidents-blamed-on-people': 'yes', 'fixes-on-release-branch': 'no' },
    leader: 'blame-culture',
  },
  {
    pain: 'each newcomer trips over the same deployment step nobody wrote down',
    symptoms: ['new-hires-repeat-mistakes'],
    answers: { 'runbook-current': 'no', 'new-member-could-deploy': 'no', 'one-person-deploys': 'no' },
    leader: 'missing-runbooks',
  },
  {
    pain: 'one team releases smoothly while the team next door struggles with its own tooling',
    symptoms: ['uneven-deployment-across-teams'],
    answers: { 'same-deploy-path': 'no', 'deploy-steps-differ-by-service': 'yes', 'one-person-deploys': 'no' },
    leader: 'inconsistent-deployment-procedures',
  },
  {
    pain: 'a release that passed every check in staging falls over in production',
    symptoms: ['staging-passes-production-fails'],
    answers: { 'environments-from-code': 'no', 'environments-drift': 'yes', 'deploy-automated': 'yes', 'changes-ripple': 'no' },
    leader: 'snowflake-environments',
  },
  {
    pain: 'nobody wants to ship near the weekend after the last hand-run release went wrong',
    symptoms: ['fear-of-deploying'],
    answers: { 'deploy-automated': 'no', 'deploy-checklist-by-hand': 'yes' },
    leader: 'manual-deployments',
  },
  {
    pain: 'urgent fixes follow most releases because checks happen only at the very end',
    symptoms: ['frequent-hotfixes-and-rollbacks'],
    answers: { 'tests-every-commit': 'no', 'automated-test-suite': 'no', 'deploy-automated': 'yes', 'testing-squeezed-by-deadlines': 'no' },
    leader: 'testing-only-at-the-end',
    alsoLikely: 'manual-testing-only',
  },
  {
    pain: 'getting production back takes most of a day: the team notices late and has never practised going back',
    symptoms: ['slow-recovery'],
    answers: { 'rollback-practiced': 'no', 'detect-within-minutes': 'no', 'production-alerting': 'no', 'incident-roles-defined': 'yes' },
    leader: 'blind-operations',
    alsoLikely: 'no-rollback-strategy',
  },
];

describe('process or people: what a recurring pain says about the team', () => {
  it.each(processOrPeople)('$pain', ({ symptoms, answers, leader, alsoLikely }) => {
    const ranking = rankCauses(index, symptoms, answers);
    expect(ranking[0]!.id).toBe(leader);
    expect(ranking[0]!.confidence).toBeGreaterThanOrEqual(0.6);
    if (alsoLikely) expect(ids(ranking, 3)).toContain(alsoLikely);
  });

  it.each(processOrPeople)('$pain: the symptom alone only suggests; the answers confirm', ({ symptoms, answers, leader }) => {
    const bare = rankCauses(index, symptoms, {});
    const answered = rankCauses(index, symptoms, answers);
    expect(answered[0]!.confidence).toBeGreaterThan(bare.find((cause) => cause.id === leader)!.confidence);
    expect(bare[0]!.confidence).toBeLessThan(0.7);
  });
});
