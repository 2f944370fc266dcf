import { resolve } from 'node:path';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { parseSession } from '../engine/parse-session.js';
import type { Session } from '../engine/session-schema.js';
import { formatProblem } from '../source/problems.js';
import { readTextFile } from '../source/read-text-file.js';
import { InvalidContentError, UsageError } from './errors.js';
import type { Io } from './io.js';
import { count } from '../source/count.js';

/** Reads an answers file ("-" for standard input) and returns a session the engine can trust. */
export async function readAnswers(path: string | undefined, index: KnowledgeIndex, io: Io): Promise<Session> {
  if (!path) throw new UsageError('missing the answers file (a path, or - for standard input)');
  let text: string;
  let shown = path;
  if (path === '-') {
    shown = '<stdin>';
    text = await io.readStdin();
  } else {
    const read = await readTextFile(resolve(io.cwd, path));
    if (!read.ok) {
      if (read.reason.startsWith('cannot be read') || read.reason.startsWith('is a directory')) {
        throw new UsageError(`answers file ${path} ${read.reason}`);
      }
      throw new InvalidContentError([`${path}:${read.line ?? 1}:1  -  file ${read.reason}`]);
    }
    text = read.text;
  }
  const { session, problems } = parseSession(shown, text, index);
  if (!session) {
    throw new InvalidContentError([...problems.map(formatProblem), `answers file is invalid: ${count(problems.length, 'problem')}`]);
  }
  return session;
}
