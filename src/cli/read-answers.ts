import { resolve } from 'node:path';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { parseSession } from '../engine/parse-session.js';
import type { Session } from '../engine/session-schema.js';
import { formatProblemList } from '../source/problems.js';
import { decodeText, readTextFileSync, type TextFile } from '../source/read-text-file.js';
import { InvalidContentError, UsageError } from './errors.js';
import type { Io } from './io.js';

/** Reads an answers file ("-" for standard input) and returns a session the engine can trust. */
export async function readAnswers(path: string | undefined, index: KnowledgeIndex, io: Io): Promise<Session> {
  if (path === undefined) throw new UsageError('missing the answers file (a path, or - for standard input)');
  if (path === '') throw new UsageError('the answers file name is empty (give a path, or - for standard input)');
  const shown = path === '-' ? '<stdin>' : path;
  let read: TextFile;
  if (path === '-') {
    const input = await io.readStdin();
    // Standard input gets exactly the checks a file gets: the size limit and strict UTF-8.
    read = decodeText(typeof input === 'string' ? Buffer.from(input) : input);
  } else {
    // One small file, read synchronously: waiting on the thread pool for each open and read costs a CLI more than the reads do.
    read = readTextFileSync(resolve(io.cwd, path));
  }
  if (!read.ok) {
    if (read.cause === 'access') throw new UsageError(`answers file ${path} ${read.reason}`);
    throw new InvalidContentError([`${shown}:${read.line ?? 1}:1  -  file ${read.reason}`]);
  }
  const { session, problems } = parseSession(shown, read.text, index);
  if (!session) throw new InvalidContentError(formatProblemList(problems, 'answers file is invalid'));
  return session;
}
