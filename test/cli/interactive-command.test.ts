import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interactiveCommand } from '../../src/cli/commands/interactive.js';
import { InvalidContentError, UsageError } from '../../src/cli/errors.js';
import type { Io } from '../../src/cli/io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deploy-doctor-interactive-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function terminalIo(): Io & { errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    out: () => undefined,
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
