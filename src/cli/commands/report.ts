import { resolve } from 'node:path';
import { diagnose } from '../../engine/diagnose.js';
import { isReportFormat, reportFormats } from '../../report/report-formats.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadCliKnowledge } from '../load-cli-knowledge.js';
import { knowledgeOption, parseCommandArgs, formatOption, outputOptions } from '../parse-command-args.js';
import { readAnswers } from '../read-answers.js';
import { readDoraClusters } from '../read-dora-clusters.js';
import { writeOutput } from '../write-output.js';

export async function reportCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', args, {
    ...knowledgeOption,
    ...formatOption,
    ...outputOptions,
    mermaid: { type: 'boolean' },
  });
  const format = values.format;
  if (!isReportFormat(format)) throw new UsageError(`report: --format must be one of ${Object.keys(reportFormats).join(', ')}, not "${format}"`);
  if (values.mermaid && format !== 'md') throw new UsageError('report: --mermaid adds a chart to the Markdown report; use it with --format md');
  if (positionals.length > 1) throw new UsageError('report takes one answers file');
  if (values.output === '') throw new UsageError('report: -o needs a file name (or - for standard output)');
  const index = await loadCliKnowledge((values.knowledge ?? []).map((dir) => resolve(io.cwd, dir)), io);
  const session = await readAnswers(positionals[0], index, io);
  const clusters = session.metrics ? await readDoraClusters(io) : undefined;
  const render = await reportFormats[format]();
  const text = render(diagnose(index, session, 'adaptive', { clusters }), index, { mermaid: values.mermaid });
  await writeOutput('report', io, text, values.output, Boolean(values.force));
  return 0;
}
