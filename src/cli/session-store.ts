import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { parseSession } from '../engine/parse-session.js';
import type { Session } from '../engine/session-schema.js';
import { serializeAnswersFile, toAnswersFile } from '../engine/answers-file.js';

/** $XDG_STATE_HOME/deploy-doctor, falling back to ~/.local/state/deploy-doctor. */
export function stateDir(env: Readonly<Record<string, string | undefined>>): string {
  const base = env.XDG_STATE_HOME?.trim() || join(env.HOME?.trim() || homedir(), '.local', 'state');
  return join(base, 'deploy-doctor');
}

const pointerName = 'last-session';

export function newSessionFile(env: Readonly<Record<string, string | undefined>>, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return join(stateDir(env), `session-${stamp}.yaml`);
}

/** The last session's file, if the pointer and the file both still exist. */
export function lastSessionFile(env: Readonly<Record<string, string | undefined>>): string | undefined {
  try {
    const file = readFileSync(join(stateDir(env), pointerName), 'utf8').trim();
    return file && existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

export function readSession(file: string, index: KnowledgeIndex): Session | undefined {
  try {
    return parseSession(file, readFileSync(file, 'utf8'), index).session;
  } catch {
    return undefined;
  }
}

/**
 * Sessions are written as answers files (YAML is a superset of JSON), so
 * `deploy-doctor report <file>` works on them directly.
 */
export function serializeSession(session: Session): string {
  const header = 'deploy-doctor session: continue with "deploy-doctor --resume" or report with "deploy-doctor report <this file>"';
  // A room (several voices, metrics or a vote) is saved as version 2; one voice stays version 1.
  if (session.version === 2) return serializeAnswersFile(toAnswersFile(session), header);
  const lines = [`# ${header}`];
  lines.push('version: 1');
  if (session.team) lines.push(`team: ${JSON.stringify(session.team)}`);
  if (session.date) lines.push(`date: ${session.date}`);
  lines.push(`symptoms: ${JSON.stringify(session.symptoms)}`);
  const answers = Object.entries(session.answers);
  lines.push(answers.length === 0 ? 'answers: {}' : 'answers:');
  for (const [id, answer] of answers) lines.push(`  ${id}: ${answer}`);
  if (session.notes) lines.push(`notes: ${JSON.stringify(session.notes)}`);
  // Optional fields the app adds (plan additions, where to resume), as JSON, which YAML reads as is.
  for (const key of ['addToPlan', 'resume'] as const) if (session[key]) lines.push(`${key}: ${JSON.stringify(session[key])}`);
  return `${lines.join('\n')}\n`;
}

/** Temporary file and rename: a crash mid-write leaves the previous session intact. */
export function writeAtomicSync(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content, { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing to clean up
    }
    throw error;
  }
}

export function saveSession(file: string, session: Session, env: Readonly<Record<string, string | undefined>>): void {
  writeAtomicSync(file, serializeSession(session));
  writeAtomicSync(join(stateDir(env), pointerName), `${resolve(file)}\n`);
}
