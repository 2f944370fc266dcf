import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { bundledDir, repoRoot } from '../support/bundled-knowledge.js';
import { runCli } from '../support/run-cli.js';

const packs = 'test/fixtures/packs';
const stackTrace = /^\s{4}at /m;

type Listed = { id: string; title: string };
async function listJson(kind: 'symptoms' | 'anti-patterns', ...args: string[]): Promise<Listed[]> {
  const { code, stdout, stderr } = await runCli(['list', kind, '--json', ...args]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as Listed[];
}
const titleOf = (listed: Listed[], id: string) => listed.find((entry) => entry.id === id)?.title;

describe('--knowledge packs layered over the bundled knowledge', () => {
  it('a pack that adds a symptom makes it appear in `list symptoms --json`, beside the bundled ones', async () => {
    const bundled = await listJson('symptoms');
    expect(bundled.map((entry) => entry.id)).not.toContain('friday-deploy-ban');

    const layered = await listJson('symptoms', '--knowledge', `${packs}/new-symptom`);
    expect(titleOf(layered, 'friday-deploy-ban')).toBe('Deploys are banned on Fridays');
    expect(layered).toHaveLength(bundled.length + 1);
    expect(layered.map((entry) => entry.id)).toEqual(expect.arrayContaining(bundled.map((entry) => entry.id)));
  });

  it('the added symptom takes part in search and diagnosis', async () => {
    const search = await runCli(['search', 'deploy freeze every friday', '--json', '-k', `${packs}/new-symptom`]);
    expect(search.code).toBe(0);
    expect((JSON.parse(search.stdout) as Listed[])[0]?.id).toBe('friday-deploy-ban');

    const report = await runCli(['report', '-', '--format', 'json', '-k', `${packs}/new-symptom`], {
      stdin: 'version: 1\nsymptoms: [friday-deploy-ban]\nanswers:\n  deploy-automated: no\n',
    });
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect((JSON.parse(report.stdout) as { causes: { id: string }[] }).causes[0]?.id).toBe('manual-deployments');
  });

  it('a pack that redefines an anti-pattern by id replaces it, title included', async () => {
    const bundled = await listJson('anti-patterns');
    expect(titleOf(bundled, 'manual-deployments')).toBe('Manual deployments');

    const layered = await listJson('anti-patterns', '-k', `${packs}/override-a`);
    expect(titleOf(layered, 'manual-deployments')).toBe('Hand-run releases (pack A)');
    expect(layered).toHaveLength(bundled.length);
  });

  it('a pack with a broken reference fails validation of the merged knowledge, naming the pack file', async () => {
    const { code, stdout, stderr } = await runCli(['validate', '--knowledge', `${packs}/broken-reference`]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `${packs}/broken-reference/symptoms/on-call-gatekeeper.yaml:18:18  causes[1].antiPattern  unknown anti-pattern "blind-operation"; did you mean "blind-operations"`,
    );
    expect(stderr).toMatch(/knowledge is invalid: 1 problem\n$/);
    expect(stderr).not.toMatch(stackTrace);
  });

  it('every command refuses to run on merged knowledge that is broken, with exit 1', async () => {
    const { code, stdout, stderr } = await runCli(['list', 'symptoms', '-k', `${packs}/broken-reference`]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${packs}/broken-reference/symptoms/on-call-gatekeeper.yaml:18:18`);
  });

  it('a pack symptom may refer to bundled anti-patterns and questions', async () => {
    const result = await loadKnowledge([bundledDir, join(repoRoot, packs, 'new-symptom')], repoRoot);
    expect(result.ok).toBe(true);
  });

  it('two packs apply in order: the later one wins', async () => {
    const aThenB = await listJson('anti-patterns', '-k', `${packs}/override-a`, '-k', `${packs}/override-b`);
    expect(titleOf(aThenB, 'manual-deployments')).toBe('Hand-run releases (pack B)');
    const bThenA = await listJson('anti-patterns', '-k', `${packs}/override-b`, '-k', `${packs}/override-a`);
    expect(titleOf(bThenA, 'manual-deployments')).toBe('Hand-run releases (pack A)');
  });

  it('overriding the same id in two packs is not reported as a duplicate', async () => {
    const { code, stderr } = await runCli(['validate', '-k', `${packs}/override-a`, '-k', `${packs}/override-b`, '-k', `${packs}/new-symptom`]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('a missing pack directory is a usage error (exit 2)', async () => {
    const { code, stderr } = await runCli(['list', 'symptoms', '-k', `${packs}/no-such-pack`]);
    expect(code).toBe(2);
    expect(stderr).toContain('no-such-pack does not exist');
    expect(stderr).not.toMatch(stackTrace);
  });
});
