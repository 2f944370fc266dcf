// The built CLI writing its report to things that are not plain files: FIFOs, symbolic links,
// standard output, a full disk. These run dist/cli.js as a real process, as a shell would.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/bundled-knowledge.js';

const cli = join(repoRoot, 'dist/cli.js');
const answers = join(repoRoot, 'test/fixtures/answers/full.yaml');
const stackTrace = /^\s{4}at /m;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deploy-doctor-output-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the built CLI through a shell, so redirections and ulimit work as they do for people. */
function shell(script: string, cwd = dir) {
  const result = spawnSync('sh', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, CLI: cli, ANSWERS: answers } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const expectedReport = () => execFileSync(process.execPath, [cli, 'report', answers], { encoding: 'utf8' });

describe('report -o on things that are not regular files', () => {
  it('writes into a FIFO (no --force needed) and leaves it a FIFO', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // Reading the FIFO in this process while the CLI writes into it from another.
    const reading = readFile(fifo, 'utf8');
    const child = spawn(process.execPath, [cli, 'report', answers, '-o', fifo], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect({ code, stderr }).toEqual({ code: 0, stderr: `wrote ${fifo}\n` });
    expect(await reading).toBe(expectedReport());
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('writes through a symbolic link to its target with --force, and the link stays a link', () => {
    writeFileSync(join(dir, 'real.md'), 'old report\n');
    symlinkSync('real.md', join(dir, 'link.md'));
    const refused = shell('node "$CLI" report "$ANSWERS" -o link.md');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('link.md already exists; use --force');
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe('old report\n');

    const forced = shell('node "$CLI" report "$ANSWERS" -o link.md --force');
    expect(forced).toMatchObject({ code: 0, stderr: 'wrote link.md\n' });
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.md'))).toBe('real.md');
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe(expectedReport());
    expect(readdirSync(dir).sort()).toEqual(['link.md', 'real.md']);
  });

  it('keeps the permissions of the file it replaces', () => {
    writeFileSync(join(dir, 'plan.md'), 'old\n', { mode: 0o640 });
    expect(shell('node "$CLI" report "$ANSWERS" -o plan.md --force').code).toBe(0);
    expect(statSync(join(dir, 'plan.md')).mode & 0o777).toBe(0o640);
  });

  it('a dangling symbolic link is written through: its target is created', () => {
    symlinkSync('made-by-report.md', join(dir, 'link.md'));
    expect(shell('node "$CLI" report "$ANSWERS" -o link.md').code).toBe(0);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'made-by-report.md'), 'utf8')).toBe(expectedReport());
  });

  it('a symbolic link to a character device is written into, never replaced by a file', () => {
    // A link to /dev/null stands in for the device itself: the tests may run as root.
    symlinkSync('/dev/null', join(dir, 'null'));
    const result = shell('node "$CLI" report "$ANSWERS" -o null --force');
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(lstatSync(join(dir, 'null')).isSymbolicLink()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['null']);
  });

  it('-o /dev/stdout and -o - both print the report on standard output', () => {
    const viaDevice = shell('node "$CLI" report "$ANSWERS" -o /dev/stdout | cat');
    const viaDash = shell('node "$CLI" report "$ANSWERS" -o - | cat');
    expect(viaDevice.stdout).toBe(expectedReport());
    expect(viaDash).toMatchObject({ code: 0, stdout: expectedReport(), stderr: '' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a directory is refused with one line and exit 2', () => {
    const result = shell('mkdir out && node "$CLI" report "$ANSWERS" -o out --force');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^deploy-doctor: report: cannot write out: it is a directory\n/);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it("-o '' is a usage error", () => {
    const result = shell(`node "$CLI" report "$ANSWERS" -o ''`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('-o needs a file name');
  });
});

describe('failed writes', () => {
  it('a legal 243-character file name works (the temporary name is short)', () => {
    const name = `${'r'.repeat(240)}.md`;
    expect(shell(`node "$CLI" report "$ANSWERS" -o ${name}`).code).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('a write cut short by the file-size limit fails in one line and leaves no temporary file', () => {
    // ulimit -f counts 512-byte blocks in sh: 8 blocks is far less than the report.
    const result = shell('ulimit -f 8; node "$CLI" report "$ANSWERS" -o plan.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^deploy-doctor: report: cannot write plan\.md: file too large .*\(EFBIG\)\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failed write to standard output (report > /dev/full) prints one line and exits 1', () => {
    const result = shell('node "$CLI" report "$ANSWERS" > /dev/full');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('deploy-doctor: cannot write to standard output: no space left on device (ENOSPC)\n');
  });

  it('a deleted current directory gives one line and exit 1', () => {
    const result = shell('mkdir gone && cd gone && rmdir ../gone && node "$CLI" report "$ANSWERS"');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^deploy-doctor: the current directory no longer exists[^\n]*\n$/);
    expect(result.stderr).not.toMatch(stackTrace);
  });
});
