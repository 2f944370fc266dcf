import { closeSync, existsSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { parseSession } from '../engine/parse-session.js';
import type { Session } from '../engine/session-schema.js';
import { readTextFileSync } from '../source/read-text-file.js';
import { serializeSession, updateSessionText } from './session-yaml.js';
import { randomHex, writeFileAtomicSync } from './write-file-atomic.js';

export { serializeSession } from './session-yaml.js';

/** $XDG_STATE_HOME/deploy-doctor, falling back to ~/.local/state/deploy-doctor. */
export function stateDir(env: Readonly<Record<string, string | undefined>>): string {
  const base = env.XDG_STATE_HOME?.trim() || join(env.HOME?.trim() || homedir(), '.local', 'state');
  return join(base, 'deploy-doctor');
}

const pointerName = 'last-session';
/** The pointer holds one path; anything longer is not ours. */
const MAX_POINTER_BYTES = 4096;

const uniqueSuffix = () => randomHex(3);

/**
 * A name no other instance will pick, even one started in the same second: the time for people
 * to recognise it, a random suffix for uniqueness. The file itself is created exclusively on the
 * first save, so even a collision could not make two sessions share it.
 */
export function newSessionFile(env: Readonly<Record<string, string | undefined>>, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return join(stateDir(env), `session-${stamp}-${uniqueSuffix()}.yaml`);
}

/** The last session's file, if the pointer and the file both still exist. */
export function lastSessionFile(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const read = readTextFileSync(join(stateDir(env), pointerName), MAX_POINTER_BYTES);
  const file = read.ok ? read.text.trim() : '';
  return file && !file.includes('\n') && existsSync(file) ? file : undefined;
}

/** A saved session, or undefined when the file is missing, too large, not UTF-8 or not a valid answers file. */
export function readSession(file: string, index: KnowledgeIndex): Session | undefined {
  const read = readTextFileSync(file);
  return read.ok ? parseSession(file, read.text, index).session : undefined;
}

/** Files this process created or took over: those it may replace without checking again. */
const ownFiles = new Set<string>();
/** Copies made because another process holds a session, and the file each copies. */
const copiedFrom = new Map<string, string>();

/** Text for a new file: a copy starts from the original's text, so its comments come along. */
function newFileText(path: string, session: Session): string {
  const original = copiedFrom.get(path);
  const read = original ? readTextFileSync(original) : undefined;
  return (read?.ok ? updateSessionText(read.text, session) : undefined) ?? serializeSession(session);
}

/**
 * Writes the session. A file that does not exist yet is created exclusively (another instance
 * that got there first makes this fail with EEXIST instead of sharing the file); an existing one
 * is replaced atomically, keeping the comments and layout of a hand-written answers file.
 */
export function saveSession(file: string, session: Session, env: Readonly<Record<string, string | undefined>>): void {
  mkdirSync(dirname(file), { recursive: true });
  const path = resolve(file);
  if (!ownFiles.has(path) && !existsSync(path)) {
    writeFileAtomicSync(path, newFileText(path, session), { exclusive: true });
    // A new session is ours from its first save: a --resume elsewhere must not share it either.
    takeLock(path);
  } else {
    const previous = readTextFileSync(path);
    const text = (previous.ok ? updateSessionText(previous.text, session) : undefined) ?? serializeSession(session);
    writeFileAtomicSync(path, text);
  }
  ownFiles.add(path);
  mkdirSync(stateDir(env), { recursive: true });
  writeFileAtomicSync(join(stateDir(env), pointerName), `${path}\n`);
}

export type SessionClaim = { file: string; notice?: string };

/**
 * Takes the session file for this process with a lock file beside it (`<file>.lock`, holding our
 * pid). When another running deploy-doctor holds it, the session continues in a copy instead, and
 * `notice` says so; a lock left by a process that no longer runs is stale and taken over.
 */
export function claimSessionFile(file: string): SessionClaim {
  const lock = `${file}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (takeLock(file)) return { file };
    const holder = lockHolder(lock);
    if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
      const copy = join(dirname(file), `${basename(file, extname(file))}-copy-${uniqueSuffix()}.yaml`);
      copiedFrom.set(resolve(copy), resolve(file));
      return {
        file: copy,
        notice: `deploy-doctor: ${file} is open in another deploy-doctor (process ${holder}); your changes will be saved to a copy, ${copy}\n(If no other deploy-doctor is running, delete ${lock}.)\n`,
      };
    }
    try {
      unlinkSync(lock);
    } catch {
      // someone else removed the stale lock first; try again
    }
  }
  return { file };
}

/**
 * Creates `<file>.lock` holding our pid, removed when this process exits. False when the lock
 * exists already; any other failure (a read-only directory) is no reason to stop working.
 */
function takeLock(file: string): boolean {
  const lock = `${file}.lock`;
  try {
    const descriptor = openSync(lock, 'wx', 0o600);
    writeSync(descriptor, `${process.pid}\n`);
    closeSync(descriptor);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EEXIST';
  }
  process.once('exit', () => {
    try {
      unlinkSync(lock);
    } catch {
      // already gone
    }
  });
  return true;
}

function lockHolder(lock: string): number | undefined {
  const read = readTextFileSync(lock, 64);
  const pid = read.ok ? Number.parseInt(read.text.trim(), 10) : Number.NaN;
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
