import { resolve } from 'node:path';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { FileExistsError, writeFileAtomic } from './write-file-atomic.js';

/** Prints `text`, or writes it atomically to `output` (relative to the working directory), never clobbering without `force`. */
export async function writeOutput(command: string, io: Io, text: string, output: string | undefined, force: boolean): Promise<void> {
  if (!output) {
    io.out(text);
    return;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, output), text, { overwrite: force });
  } catch (error) {
    if (error instanceof FileExistsError) throw new UsageError(`${command}: ${output} already exists; use --force to overwrite it`);
    const reason = (error as NodeJS.ErrnoException).code ?? 'write failed';
    throw new UsageError(`${command}: cannot write ${output} (${reason})`);
  }
  io.err(`wrote ${output}\n`);
}
