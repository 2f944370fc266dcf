import { resolve } from 'node:path';
import { showControls } from '../source/show-controls.js';
import { OutputError, UsageError } from './errors.js';
import type { Io } from './io.js';
import { FileExistsError, isPathProblem, writeFailureReason, writeFileAtomic } from './write-file-atomic.js';

/**
 * Prints `text` (no `-o`, or `-o -`), or writes it atomically to `output` (relative to the working
 * directory), never clobbering without `force`. Either way control characters are made visible:
 * a report pasted into a wiki or shown in a terminal carries no escape sequences.
 */
export async function writeOutput(command: string, io: Io, text: string, output: string | undefined, force: boolean, summary?: string): Promise<void> {
  if (output === '') throw new UsageError(`${command}: -o needs a file name (or - for standard output)`);
  const safe = showControls(text);
  if (output === undefined || output === '-') {
    io.out(safe);
    return;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, output), safe, { overwrite: force });
  } catch (error) {
    if (error instanceof FileExistsError) throw new UsageError(`${command}: ${output} already exists; use --force to overwrite it`);
    const message = `${command}: cannot write ${output}: ${writeFailureReason(error)}`;
    throw isPathProblem(error) ? new UsageError(message) : new OutputError(message);
  }
  io.err(`wrote ${output}${summary ? `: ${summary}` : ''}\n`);
}
