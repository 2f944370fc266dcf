// How a knowledge pack's files are found and read: symbolic links, skipped files and folders,
// thousands of files under a normal open-files limit, and schema messages people can act on.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { formatProblem } from '../../src/source/problems.js';
import { repoRoot } from '../support/bundled-knowledge.js';
import { runCli } from '../support/run-cli.js';

const valid = join(repoRoot, 'test/fixtures/knowledge/valid');
const symptomFile = 'symptoms/fear-of-deploying.yaml';
const questionFile = 'questions/deploy-automated.yaml';

const temporaryDirs: string[] = [];
async function copyOfValid(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-pack-'));
  temporaryDirs.push(dir);
  await cp(valid, join(dir, 'pack'), { recursive: true });
  return join(dir, 'pack');
}
afterAll(() => Promise.all(temporaryDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function problemLines(dir: string): Promise<string[]> {
  const result = await loadKnowledge([dir], dir);
  if ('usageError' in result) throw new Error(result.usageError);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('symbolic links in a pack', () => {
  it('a symlinked YAML file is loaded like the file it points to', async () => {
    const dir = await copyOfValid();
    await rename(join(dir, questionFile), join(dir, '..', 'shared-question.yaml'));
    await symlink('../../shared-question.yaml', join(dir, questionFile));
    expect(await problemLines(dir)).toEqual([]);
  });

  it('a broken symlink is reported as one, once', async () => {
    const dir = await copyOfValid();
    await rm(join(dir, questionFile));
    await symlink('../nowhere.yaml', join(dir, questionFile));
    expect(await problemLines(dir)).toEqual([`${questionFile}:1:1  -  file is a symbolic link to something that does not exist`]);
  });

  it('a symlink loop is reported as a loop, not as a missing file', async () => {
    const dir = await copyOfValid();
    await symlink('loop-b.yaml', join(dir, 'questions/loop-a.yaml'));
    await symlink('loop-a.yaml', join(dir, 'questions/loop-b.yaml'));
    const lines = await problemLines(dir);
    expect(lines).toContain('questions/loop-a.yaml:1:1  -  file is a symbolic link that loops back on itself (ELOOP)');
  });
});

describe('files and folders a pack skips', () => {
  it('a misspelt folder (symptom/) and .json files give warnings, and the pack still validates', async () => {
    const dir = await copyOfValid();
    await mkdir(join(dir, 'symptom'));
    await writeFile(join(dir, 'symptom/slow-deploys.yaml'), 'title: Slow\n');
    await writeFile(join(dir, 'questions/extra.json'), '{"text": "Is it?"}\n');
    await mkdir(join(dir, 'schema'));
    const result = await loadKnowledge([dir], dir);
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map(formatProblem)).toEqual([
      'symptom:1:1  -  is not a knowledge folder, so its files are ignored; did you mean "symptoms/"?',
      'questions/extra.json:1:1  -  is ignored: knowledge files are .yaml or .yml (JSON is valid YAML, so renaming it is enough)',
    ]);
    const { code, stdout, stderr } = await runCli(['validate', '.'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^knowledge is valid/);
    expect(stderr).toContain('symptom:1:1  -  warning: is not a knowledge folder');
    expect(stderr).toContain('questions/extra.json:1:1  -  warning: is ignored');
  });
});

describe('schema messages', () => {
  it('summary: [] gets one message, not two that contradict each other', async () => {
    const dir = await copyOfValid();
    const text = await readFile(join(dir, symptomFile), 'utf8');
    await writeFile(join(dir, symptomFile), text.replace(/^summary: .*$/m, 'summary: []'));
    expect(await problemLines(dir)).toEqual([`${symptomFile}:2:10  summary  must be a string, not a list`]);
  });

  it('a missing required choice says "is required", not "must be one of"', async () => {
    const dir = await copyOfValid();
    const text = await readFile(join(dir, symptomFile), 'utf8');
    await writeFile(join(dir, symptomFile), text.replace(/^category: .*\n/m, ''));
    expect(await problemLines(dir)).toEqual([`${symptomFile}:1:1  category  is required`]);
  });

  it('20,000 unknown fields are all counted, the first 50 printed', async () => {
    const dir = await copyOfValid();
    const text = await readFile(join(dir, questionFile), 'utf8');
    const extra = Array.from({ length: 20_000 }, (_, n) => `field${n}: x`).join('\n');
    await writeFile(join(dir, questionFile), `${text}\n${extra}\n`);
    const { code, stderr } = await runCli(['validate', '.'], { cwd: dir });
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(52);
    expect(lines.at(-2)).toBe('... and 19,950 more');
    expect(lines.at(-1)).toBe('knowledge is invalid: 20000 problems');
  });
});

describe('large packs', () => {
  it('3,001 files load under ulimit -n 1024 without false "cannot be read" problems', async () => {
    const dir = await copyOfValid();
    const question = await readFile(join(dir, questionFile), 'utf8');
    for (let batch = 0; batch < 30; batch++) {
      await Promise.all(Array.from({ length: 100 }, (_, n) => writeFile(join(dir, `questions/extra-${batch * 100 + n}.yaml`), question)));
    }
    const result = spawnSync('sh', ['-c', `ulimit -n 1024 && exec "${process.execPath}" "${join(repoRoot, 'dist/cli.js')}" validate .`], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).not.toMatch(/cannot be|does not exist|EMFILE/);
    // Every extra question is valid, and questions need no symptom to list them (they test causes).
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/knowledge is valid: .*3,?00\d questions/);
  }, 60_000);
});
