import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interactiveCommand, launchCommand } from '../../src/cli/commands/interactive.js';
import { describeWriteError } from '../../src/cli/describe-write-error.js';
import { helpText } from '../../src/cli/help.js';
import { saveSession } from '../../src/cli/session-store.js';
import { InvalidContentError, UsageError } from '../../src/cli/errors.js';
import type { Io } from '../../src/cli/io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deploy-doctor-interactive-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function terminalIo(): Io & { errors: string[]; output: string[] } {
  const errors: string[] = [];
  const output: string[] = [];
  return {
    errors,
    output,
    out: (text) => void output.push(text),
    err: (text) => void errors.push(text),
    cwd: dir,
    env: { XDG_STATE_HOME: join(dir, 'state') },
    readStdin: async () => '',
    stdinIsTTY: true,
    stdoutIsTTY: true,
  };
}

describe('starting the interactive app (checks that run before Ink loads)', () => {
  it('without a terminal on stdin it prints one line naming the headless commands and exits 2', async () => {
    const io = { ...terminalIo(), stdinIsTTY: false };
    expect(await interactiveCommand([], io)).toBe(2);
    expect(io.errors.join('').trim().split('\n')).toHaveLength(1);
    expect(io.errors.join('')).toMatch(/report.*next.*search/);
  });

  it('refuses --session on a file it cannot read back, and leaves that file untouched', async () => {
    const file = join(dir, 'notes.yaml');
    writeFileSync(file, 'these are my notes, not answers\n');
    await expect(interactiveCommand(['--session', file], terminalIo())).rejects.toBeInstanceOf(InvalidContentError);
    expect(readFileSync(file, 'utf8')).toBe('these are my notes, not answers\n');
  });

  it('--resume with nothing saved is a usage error', async () => {
    await expect(interactiveCommand(['--resume'], terminalIo())).rejects.toBeInstanceOf(UsageError);
  });

  it('an unknown flag is a usage error', async () => {
    await expect(interactiveCommand(['--colour'], terminalIo())).rejects.toBeInstanceOf(UsageError);
  });
});

describe('the app tells people how to get back to it (issue 13 items 13-15, 18)', () => {
  it('names the command that works for how it was started', () => {
    expect(launchCommand({ npm_lifecycle_event: 'start' }, '/repo/dist/cli.js', '/repo')).toBe('npm start --');
    expect(launchCommand({}, '/usr/local/bin/deploy-doctor', '/home/me')).toBe('deploy-doctor');
    expect(launchCommand({}, '/repo/dist/cli.js', '/repo')).toBe('node dist/cli.js');
    expect(launchCommand({}, '/repo/dist/cli.js', '/elsewhere')).toBe('node /repo/dist/cli.js');
  });

  it('--help lists --resume, --session, --sessions and --no-color', () => {
    for (const option of ['--resume', '--session FILE', '--sessions', '--no-color']) expect(helpText).toContain(option);
  });

  it('TERM=dumb gets one line saying the app needs a capable terminal, and exit 2', async () => {
    const io = { ...terminalIo(), env: { XDG_STATE_HOME: join(dir, 'state'), TERM: 'dumb' } };
    expect(await interactiveCommand([], io)).toBe(2);
    expect(io.errors.join('').trim().split('\n')).toHaveLength(1);
    expect(io.errors.join('')).toMatch(/needs a terminal that can move the cursor/);
  });

  it('--sessions lists the saved sessions, newest first, marking the one --resume continues', async () => {
    const io = terminalIo();
    const state = io.env;
    const older = join(dir, 'state', 'deploy-doctor', 'session-20250101-000000.yaml');
    const newer = join(dir, 'state', 'deploy-doctor', 'session-20250102-000000.yaml');
    saveSession(older, { version: 1, team: 'Ops', symptoms: ['fear-of-deploying'], answers: {} }, state);
    await new Promise((resolve) => setTimeout(resolve, 20));
    saveSession(newer, { version: 1, team: 'Payments', symptoms: ['fear-of-deploying'], answers: { 'deploy-automated': 'no' } }, state);
    expect(await interactiveCommand(['--sessions'], { ...io, stdinIsTTY: false })).toBe(0);
    const lines = io.output.join('').split('\n');
    expect(lines[1]).toBe(`* ${newer}  (Payments, 1 symptom, 1 answer)`);
    expect(lines[2]).toBe(`  ${older}  (Ops, 1 symptom, 0 answers)`);
  });

  it('--sessions never passes a control sequence from a team name to the terminal', async () => {
    const io = terminalIo();
    saveSession(join(dir, 'state', 'deploy-doctor', 'session-1.yaml'), { version: 1, team: 'Ops\u001b]0;owned\u0007', symptoms: ['fear-of-deploying'], answers: {} }, io.env);
    expect(await interactiveCommand(['--sessions'], io)).toBe(0);
    expect(io.output.join('')).not.toMatch(/\u001b|\u0007/);
    expect(io.output.join('')).toContain('Ops?]0;owned?');
  });

  it('export and save failures are described in words, with the path', () => {
    const failure = (code: string) => Object.assign(new Error(code), { code });
    expect(describeWriteError(failure('ENOENT'), '/x/plan.md')).toBe('Could not write /x/plan.md: its folder does not exist.');
    expect(describeWriteError(failure('EROFS'), '/x/plan.md')).toMatch(/read-only/);
    expect(describeWriteError(failure('ENOSPC'), '/x/plan.md')).toMatch(/disk is full/);
    expect(describeWriteError(failure('ENOTDIR'), '/x/plan.md')).toMatch(/is a file, not a folder/);
  });
});
