import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { count } from '../source/count.js';
import { lastSessionFile, readSession, stateDir } from './session-store.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The saved sessions, newest first, one line each, for `--sessions`. */
export function listSessions(env: Env, index: KnowledgeIndex): string[] {
  const dir = stateDir(env);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /^session-.*\.yaml$/.test(name));
  } catch {
    names = [];
  }
  const last = lastSessionFile(env);
  const files = names
    .map((name) => join(dir, name))
    .map((file) => ({ file, modified: statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.modified - a.modified || a.file.localeCompare(b.file));
  return files.map(({ file }) => {
    const session = readSession(file, index);
    const about = session
      ? [session.team ?? 'no team name', session.date, `${count(session.symptoms.length, 'symptom')}, ${count(Object.keys(session.answers).length, 'answer')}`].filter(Boolean).join(', ')
      : 'not readable';
    // A team name from a file must not drive the terminal: control characters are shown as "?".
    return `${file === last ? '*' : ' '} ${file}  (${about.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')})`;
  });
}
