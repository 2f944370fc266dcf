import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { bundledDir, repoRoot } from '../support/bundled-knowledge.js';
import { runCli } from '../support/run-cli.js';

const packs = 'test/fixtures/packs';
type Found = { id: string; matched: string[] };
const firstHit = async (text: string, ...args: string[]) => {
  const { code, stdout, stderr } = await runCli(['search', text, '--json', ...args]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return (JSON.parse(stdout) as Found[])[0];
};

describe('the search vocabulary in the knowledge', () => {
  it('is bundled, one file per concept, and validates', async () => {
    const loaded = await loadKnowledge([bundledDir], repoRoot);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.knowledge.vocabulary!.length).toBeGreaterThan(40);
    const progressive = loaded.knowledge.vocabulary!.find((concept) => concept.id === 'progressive-delivery');
    expect(progressive?.terms).toEqual(expect.arrayContaining(['dark launch', 'ring deployment', 'percentage rollout', 'blast radius']));
    expect((await runCli(['validate'])).code).toBe(0);
  });

  it('a pack extends a bundled concept by replacing its file: its new terms find the concept\'s symptoms', async () => {
    const without = await firstHit('should we try flagger');
    expect(without?.id).not.toBe('deploy-release-coupled');
    const withPack = await firstHit('should we try flagger', '-k', `${packs}/vocabulary-extension`);
    expect(withPack?.id).toBe('deploy-release-coupled');
    expect(withPack?.matched).toContain('flagger');
    expect((await runCli(['validate', '-k', `${packs}/vocabulary-extension`])).code).toBe(0);
  });

  it('a pack adds concepts of its own, validated with the rest', async () => {
    const loaded = await loadKnowledge([bundledDir, join(repoRoot, packs, 'vocabulary-extension')], repoRoot);
    expect(loaded.ok && loaded.knowledge.vocabulary!.some((concept) => concept.id === 'release-gauntlet')).toBe(true);
  });

  it('a term claimed by two concepts is reported at the line that repeats it, exit code 1', async () => {
    const { code, stdout, stderr } = await runCli(['validate', '-k', `${packs}/vocabulary-conflict`]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('vocabulary/birds.yaml:3:5  terms[0]  "canary" already belongs to concept "progressive-delivery"');
    expect(stderr).not.toMatch(/^\s{4}at /m);
  });

  describe('in a knowledge directory of its own', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-vocabulary-'));
      await mkdir(join(dir, 'vocabulary'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it.each([
      ['terms: []\n', 'needs at least two terms'],
      ['terms: [teapot, teapot]\n', '"teapot" is listed twice'],
      ['terms: [canary, 42]\n', 'must be a string'],
      ['terms: [canary, dark launch]\nsynonyms: [x]\n', 'synonyms'],
    ])('%j is refused with one clear message', async (text, message) => {
      await writeFile(join(dir, 'vocabulary', 'broken.yaml'), text);
      const { code, stderr } = await runCli(['validate', '-k', dir]);
      expect(code).toBe(1);
      expect(stderr).toContain('broken.yaml');
      expect(stderr).toContain(message);
    });
  });
});
