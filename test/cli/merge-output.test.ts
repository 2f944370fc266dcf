import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-merge-output-'));
  for (const [name, answer] of [['ana', 'no'], ['ben', 'yes']]) {
    await writeFile(join(dir, `${name}.yaml`), `version: 1\nteam: Payments\ndate: 2026-11-21\nsymptoms: [fear-of-deploying]\nanswers:\n  deploy-automated: ${answer}\n`);
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('merge writes where every command writes', () => {
  it('-o - prints the merged file on standard output instead of creating a file named "-"', async () => {
    const { code, stdout } = await runCli(['merge', 'ana.yaml', 'ben.yaml', '--anonymous', '-o', '-'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('version: 2');
    expect(stdout).toContain('deploy-automated: {"by":{"1":"no","2":"yes"}}');
    expect((await readdir(dir)).sort()).toEqual(['ana.yaml', 'ben.yaml']);
  });

  it('-o FILE still says what it wrote, and -o "" is a usage error', async () => {
    const written = await runCli(['merge', 'ana.yaml', 'ben.yaml', '-o', 'team.yaml'], { cwd: dir });
    expect(written.code).toBe(0);
    expect(written.stderr).toBe('wrote team.yaml: 2 respondents, 1 question answered\n');
    const empty = await runCli(['merge', 'ana.yaml', 'ben.yaml', '-o', ''], { cwd: dir });
    expect(empty.code).toBe(2);
  });
});
