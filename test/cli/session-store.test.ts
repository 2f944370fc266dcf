import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interactiveCommand } from '../../src/cli/commands/interactive.js';
import { InvalidContentError, UsageError } from '../../src/cli/errors.js';
import type { Io } from '../../src/cli/io.js';
import { claimSessionFile, newSessionFile, readSession, saveSession, stateDir } from '../../src/cli/session-store.js';
import { writeFileAtomicSync } from '../../src/cli/write-file-atomic.js';
import type { Session } from '../../src/engine/session-schema.js';
import { bundledIndex } from '../support/bundled-knowledge.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deploy-doctor-sessions-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({ XDG_STATE_HOME: join(dir, 'state') });

function terminalIo(): Io & { errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    out: () => undefined,
    err: (text) => void errors.push(text),
    cwd: dir,
    env: env(),
    readStdin: async () => '',
    stdinIsTTY: true,
    stdoutIsTTY: true,
  };
}

const session: Session = { version: 1, team: 'Payments', date: '2026-11-21', symptoms: ['fear-of-deploying'], answers: { 'deploy-automated': 'no' } };

describe('new session files', () => {
  it('two instances started in the same second get different files', () => {
    const now = new Date('2026-11-21T10:00:00Z');
    const names = new Set(Array.from({ length: 50 }, () => newSessionFile(env(), now)));
    expect(names.size).toBe(50);
    for (const name of names) expect(name).toMatch(/session-20261121-100000-[0-9a-f]{6}\.yaml$/);
  });

  it('a session file is created exclusively: a file someone else created first is never replaced', () => {
    const file = join(dir, 'taken.yaml');
    writeFileSync(file, 'the other team\n');
    expect(() => writeFileAtomicSync(file, 'ours\n', { exclusive: true })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(file, 'utf8')).toBe('the other team\n');
    expect(readdirSync(dir)).toEqual(['taken.yaml']);
  });

  it('the saved file reads back as the same session, and the pointer names it', async () => {
    const file = newSessionFile(env(), new Date());
    saveSession(file, session, env());
    expect(readSession(file, await bundledIndex())).toEqual(session);
    expect(readFileSync(join(stateDir(env()), 'last-session'), 'utf8')).toBe(`${file}\n`);
    // Locked from its first save, so a --resume in another terminal works on a copy.
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${process.pid}\n`);
  });
});

describe('two processes on one session', () => {
  async function withRunningProcess(work: (pid: number) => Promise<void> | void): Promise<void> {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await work(child.pid!);
    } finally {
      child.kill();
    }
  }

  it('the second says the session is open elsewhere and continues in a copy', async () => {
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, 'version: 1\nsymptoms: [fear-of-deploying]\n');
    await withRunningProcess((pid) => {
      writeFileSync(`${file}.lock`, `${pid}\n`);
      const claim = claimSessionFile(file);
      expect(claim.file).not.toBe(file);
      expect(claim.file).toMatch(/answers-copy-[0-9a-f]{6}\.yaml$/);
      expect(claim.notice).toContain(`is open in another deploy-doctor (process ${pid})`);
      expect(claim.notice).toContain(claim.file);
      // The copy starts from the original, comments included, and the original is left alone.
      writeFileSync(file, '# kept\nversion: 1\nsymptoms: [fear-of-deploying]\n');
      saveSession(claim.file, session, env());
      expect(readFileSync(claim.file, 'utf8')).toMatch(/^# kept\n/);
      expect(readFileSync(file, 'utf8')).toBe('# kept\nversion: 1\nsymptoms: [fear-of-deploying]\n');
    });
  });

  it('a lock left by a process that no longer runs is stale and taken over', async () => {
    const file = join(dir, 'answers.yaml');
    const finished = spawn(process.execPath, ['-e', '']);
    await new Promise((done) => finished.on('exit', done));
    writeFileSync(`${file}.lock`, `${finished.pid}\n`);
    expect(claimSessionFile(file)).toEqual({ file });
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${process.pid}\n`);
  });
});

describe('reads of sessions are bounded', () => {
  it('--session /dev/zero is refused at once instead of growing without end', async () => {
    await expect(interactiveCommand(['--session', '/dev/zero'], terminalIo())).rejects.toBeInstanceOf(InvalidContentError);
  });

  it('a last-session pointer to /dev/zero is refused at once', async () => {
    mkdirSync(stateDir(env()), { recursive: true });
    writeFileSync(join(stateDir(env()), 'last-session'), '/dev/zero\n');
    await expect(interactiveCommand(['--resume'], terminalIo())).rejects.toBeInstanceOf(InvalidContentError);
  });

  it('a last-session pointer that is itself /dev/zero reads as no saved session', async () => {
    mkdirSync(stateDir(env()), { recursive: true });
    symlinkSync('/dev/zero', join(stateDir(env()), 'last-session'));
    await expect(interactiveCommand(['--resume'], terminalIo())).rejects.toBeInstanceOf(UsageError);
  });
});

describe('--session on a hand-written answers file', () => {
  it('keeps its comments and layout when the session is saved into it', async () => {
    const file = join(dir, 'payments.yaml');
    const handWritten = [
      '# Payments retro, 21 November',
      'version: 1',
      'team: Payments # the platform team',
      'symptoms: [fear-of-deploying]',
      'answers:',
      '  # asked by Sam',
      '  deploy-automated: no # only the database step is manual',
      '',
    ].join('\n');
    writeFileSync(file, handWritten, { mode: 0o644 });
    const changed: Session = { ...session, date: undefined, answers: { 'deploy-automated': 'no', 'pipeline-exists': 'partly' } };
    saveSession(file, changed, env());
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# Payments retro, 21 November');
    expect(text).toContain('team: Payments # the platform team');
    expect(text).toContain('  # asked by Sam\n  deploy-automated: no # only the database step is manual\n');
    expect(text).toContain('pipeline-exists: partly');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(readSession(file, await bundledIndex())).toEqual({ ...changed, date: undefined });
  });
});

describe('the interactive command line', () => {
  it('stray arguments are a usage error', async () => {
    await expect(interactiveCommand(['--no-color', 'payments.yaml'], terminalIo())).rejects.toBeInstanceOf(UsageError);
  });
});
