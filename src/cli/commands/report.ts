import { resolve } from 'node:path';
import { diagnose } from '../../engine/diagnose.js';
import { renderJsonReport } from '../../report/json-report.js';
import { renderMarkdownReport } from '../../report/markdown-report.js';
import { showControls } from '../../source/show-controls.js';
import { OutputError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadCliKnowledge } from '../load-cli-knowledge.js';
import { knowledgeOption, parseCommandArgs } from '../parse-command-args.js';
import { readAnswers } from '../read-answers.js';
import { readDoraClusters } from '../read-dora-clusters.js';
import { FileExistsError, isPathProblem, writeFailureReason, writeFileAtomic } from '../write-file-atomic.js';

export async function reportCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', args, {
    ...knowledgeOption,
    format: { type: 'string', short: 'f', default: 'md' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  });
  if (values.format !== 'md' && values.format !== 'json') throw new UsageError(`report: --format must be md or json, not "${values.format}"`);
  if (positionals.length > 1) throw new UsageError('report takes one answers file');
  if (values.output === '') throw new UsageError('report: -o needs a file name (or - for standard output)');
  const index = await loadCliKnowledge((values.knowledge ?? []).map((dir) => resolve(io.cwd, dir)), io);
  const session = await readAnswers(positionals[0], index, io);
  const clusters = session.metrics ? await readDoraClusters(io) : undefined;
  const diagnosis = diagnose(index, session, 'adaptive', { clusters });
  // Files get the same treatment as the terminal: a report pasted into a wiki carries no escape sequences.
  const text = showControls(values.format === 'json' ? renderJsonReport(diagnosis, index) : renderMarkdownReport(diagnosis, index));
  if (values.output === undefined || values.output === '-') {
    io.out(text);
    return 0;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, values.output), text, { overwrite: Boolean(values.force) });
  } catch (error) {
    if (error instanceof FileExistsError) throw new UsageError(`report: ${values.output} already exists; use --force to overwrite it`);
    const message = `report: cannot write ${values.output}: ${writeFailureReason(error)}`;
    throw isPathProblem(error) ? new UsageError(message) : new OutputError(message);
  }
  io.err(`wrote ${values.output}\n`);
  return 0;
}
