import { resolve } from 'node:path';
import { compareDiagnoses } from '../../engine/compare-diagnoses.js';
import { diagnose } from '../../engine/diagnose.js';
import { comparisonFormats, isComparisonFormat } from '../../report/comparison-formats.js';
import { InvalidContentError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadCliKnowledge } from '../load-cli-knowledge.js';
import { knowledgeOption, parseCommandArgs, formatOption, outputOptions } from '../parse-command-args.js';
import { readAnswers } from '../read-answers.js';
import { writeOutput } from '../write-output.js';

const sameTeam = (a: string | undefined, b: string | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/** Two assessments of the same team, the earlier first: what changed, and which fix steps are still open. */
export async function compareCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('compare', args, {
    ...knowledgeOption,
    ...formatOption,
    ...outputOptions,
  });
  const format = values.format;
  if (!isComparisonFormat(format)) throw new UsageError(`compare: --format must be one of ${Object.keys(comparisonFormats).join(', ')}, not "${format}"`);
  if (positionals.length !== 2) throw new UsageError('compare takes two answers files: the earlier assessment, then the later one');
  const [beforeFile, afterFile] = positionals as [string, string];
  const index = await loadCliKnowledge((values.knowledge ?? []).map((dir) => resolve(io.cwd, dir)), io);
  const before = await readAnswers(beforeFile, index, io);
  const after = await readAnswers(afterFile, index, io);

  if (!values.force && !sameTeam(before.team, after.team)) {
    throw new InvalidContentError([
      `compare: ${beforeFile} is team "${before.team ?? '(none)'}" but ${afterFile} is team "${after.team ?? '(none)'}"; progress only makes sense for one team (use --force to compare anyway)`,
    ]);
  }
  if (before.date && after.date && before.date > after.date) {
    throw new UsageError(`compare: ${beforeFile} (${before.date}) is later than ${afterFile} (${after.date}); give the earlier assessment first`);
  }
  if (!values.force && before.knowledge && after.knowledge && before.knowledge !== after.knowledge) {
    throw new InvalidContentError([
      `compare: ${beforeFile} was answered against knowledge ${before.knowledge} and ${afterFile} against ${after.knowledge}; their confidences are not comparable (use --force to compare anyway)`,
    ]);
  }
  const comparison = compareDiagnoses(diagnose(index, before), diagnose(index, after));
  await writeOutput('compare', io, comparisonFormats[format](comparison, index), values.output, Boolean(values.force));
  return 0;
}
