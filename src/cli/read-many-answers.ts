import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import type { Session } from '../engine/session-schema.js';
import { InvalidContentError, UsageError } from './errors.js';
import type { Io } from './io.js';
import { readAnswers } from './read-answers.js';

export type ReadOutcome = { file: string; session: Session } | { file: string; problems: string[] };

/** Files read at once: enough to hide disk latency, few enough to stay far from the open-file limit. */
const parallelReads = 16;

/** Reads every answers file; one that cannot be used is reported with its problems instead of stopping the rest. */
export async function readManyAnswers(files: readonly string[], index: KnowledgeIndex, io: Io): Promise<ReadOutcome[]> {
  const outcomes: ReadOutcome[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const position = next++;
      const file = files[position]!;
      try {
        outcomes[position] = { file, session: await readAnswers(file, index, io) };
      } catch (error) {
        if (error instanceof InvalidContentError) outcomes[position] = { file, problems: error.lines };
        else if (error instanceof UsageError) outcomes[position] = { file, problems: [error.message] };
        else throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelReads, files.length) }, worker));
  return outcomes;
}
