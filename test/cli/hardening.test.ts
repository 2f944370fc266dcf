// Issue 9's smaller command-line defects, each pinned by the behaviour a user would notice.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/source/read-text-file.js';
import { runCli } from '../support/run-cli.js';

const stackTrace = /^\s{4}at /m;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-hardening-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const unknownIds = (count: number) =>
  ['version: 1', 'symptoms: [merge-freeze]', 'answers:', ...Array.from({ length: count }, (_, id) => `  unknown-question-${id}: no`)].join('\n');

describe('answers files with many problems', () => {
  it('20,000 unknown question ids: the first 50 problems, a count of the rest, and the total', async () => {
    const { code, stderr } = await runCli(['report', '-'], { stdin: unknownIds(20_000) });
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(52);
    expect(lines[0]).toMatch(/^<stdin>:4:\d+  answers\.unknown-question-0  unknown question "unknown-question-0"$/);
    expect(lines[49]).toMatch(/^<stdin>:53:\d+  answers\.unknown-question-49  /);
    expect(lines[50]).toBe('... and 19,950 more');
    expect(lines[51]).toBe('answers file is invalid: 20000 problems');
  });

  it('a symptom listed twice among thousands is still found, at its own line', async () => {
    const symptoms = ['merge-freeze', ...Array.from({ length: 5_000 }, (_, n) => `unknown-${n}`), 'merge-freeze'];
    const { stderr } = await runCli(['report', '-'], { stdin: `version: 1\nsymptoms:\n${symptoms.map((id) => `  - ${id}`).join('\n')}\n` });
    expect(stderr).toContain('answers file is invalid: 5001 problems');
  });
});

describe('answers read from standard input are checked like a file', () => {
  it('invalid UTF-8 on stdin is refused with the file message and its line', async () => {
    const bytes = Buffer.concat([Buffer.from('version: 1\nteam: caf'), Buffer.from([0xe9]), Buffer.from('\nsymptoms: [merge-freeze]\n')]);
    const { code, stderr } = await runCli(['report', '-'], { stdin: bytes });
    expect(code).toBe(1);
    expect(stderr).toBe('<stdin>:2:1  -  file is not valid UTF-8\n');
  });

  it('50 MiB on stdin gets the same 1 MiB message as a large file', async () => {
    const large = `#${'x'.repeat(MAX_FILE_BYTES)}\n`;
    await writeFile(join(dir, 'large.yaml'), large);
    const fromStdin = await runCli(['report', '-'], { stdin: Buffer.alloc(50 * 1024 * 1024, 0x20) });
    const fromFile = await runCli(['report', 'large.yaml'], { cwd: dir });
    expect(fromStdin).toEqual({ code: 1, stdout: '', stderr: '<stdin>:1:1  -  file is larger than the 1 MiB limit (1048576 bytes)\n' });
    expect(fromFile.stderr).toBe('large.yaml:1:1  -  file is larger than the 1 MiB limit (1048576 bytes)\n');
  });
});

describe('YAML that is legal but not an answers file', () => {
  it('"__proto__" under answers is reported as an unknown question, not silently dropped', async () => {
    const { code, stderr } = await runCli(['report', '-'], { stdin: 'version: 1\nsymptoms: [merge-freeze]\nanswers:\n  __proto__: no\n' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^<stdin>:4:\d+  answers\.__proto__  unknown question "__proto__"/);
  });

  it('an !!omap of answers gets one message that does not contradict itself', async () => {
    const { code, stderr } = await runCli(['report', '-'], { stdin: 'version: 1\nsymptoms: [merge-freeze]\nanswers: !!omap\n  - deploy-automated: no\n' });
    expect(code).toBe(1);
    expect(stderr).toContain('answers  must be a mapping of ids to values, not an ordered map (!!omap)');
    expect(stderr).not.toMatch(/not a mapping\b/);
  });

  it('two YAML documents get our words, not the library advice', async () => {
    const { stderr } = await runCli(['report', '-'], { stdin: 'version: 1\nsymptoms: [merge-freeze]\n---\nversion: 1\n' });
    expect(stderr).toContain('more than one YAML document');
    expect(stderr).not.toContain('parseAllDocuments');
  });

  it('a key written twice is reported at the second one, naming the first line', async () => {
    const { stderr } = await runCli(['report', '-'], { stdin: 'version: 1\nsymptoms: [merge-freeze]\nanswers:\n  deploy-automated: no\n  deploy-automated: yes\n' });
    expect(stderr).toMatch(/^<stdin>:5:3  -  YAML syntax: key "deploy-automated" appears twice in one mapping \(first on line 4\)\n/);
  });
});

describe('the command line', () => {
  it('deploy-doctor --bogus names the program once', async () => {
    const { code, stderr } = await runCli(['--bogus']);
    expect(code).toBe(2);
    expect(stderr.match(/deploy-doctor:/g)).toHaveLength(1);
    expect(stderr).toContain("'--bogus'");
    expect(stderr).not.toMatch(stackTrace);
  });

  it('report -- --help reads a file named --help instead of printing help', async () => {
    await writeFile(join(dir, '--help'), 'version: 1\nteam: Dashes\nsymptoms: [merge-freeze]\n');
    const { code, stdout } = await runCli(['report', '--', '--help'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Deployment diagnosis for Dashes/);
  });

  it('stray arguments to the interactive app are a usage error', async () => {
    const { code, stderr } = await runCli(['--no-color', 'payments.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "payments.yaml"');
  });
});
