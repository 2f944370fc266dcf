import { basename, extname, resolve } from 'node:path';
import { serializeAnswersFile } from '../../engine/answers-file.js';
import { mergeSessions, type MergeInput } from '../../engine/merge-sessions.js';
import { parseSession } from '../../engine/parse-session.js';
import { formatProblem } from '../../source/problems.js';
import { count } from '../../source/count.js';
import { InvalidContentError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadCliKnowledge } from '../load-cli-knowledge.js';
import { knowledgeOption, parseCommandArgs, outputOptions } from '../parse-command-args.js';
import { readAnswers } from '../read-answers.js';
import { writeOutput } from '../write-output.js';

/** A one-person file is labelled after its name ("sam.yaml" is Sam's) unless --anonymous numbers everyone. */
function labelFor(path: string): string {
  if (path === '-') return 'stdin';
  return basename(path, extname(path)).slice(0, 60) || path;
}

/** `merge a.yaml b.yaml ... -o team.yaml`: answers people gave on their own, combined into one team file. */
export async function mergeCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('merge', args, {
    ...knowledgeOption,
    ...outputOptions,
    anonymous: { type: 'boolean' },
  });
  if (positionals.length < 2) throw new UsageError('merge needs at least two answers files, for example: deploy-doctor merge sam.yaml priya.yaml -o team.yaml');
  if (positionals.filter((path) => path === '-').length > 1) throw new UsageError('merge: standard input (-) can be given only once');
  const inputs = positionals.map((path) => resolve(io.cwd, path));
  if (new Set(inputs).size !== inputs.length) throw new UsageError('merge: the same file is named twice');
  const output = values.output ? resolve(io.cwd, values.output) : undefined;
  // Never let a merge replace one of the files it reads, --force or not.
  if (output && inputs.includes(output)) throw new UsageError(`merge: the output ${values.output} is one of the files being merged; choose another name`);

  const index = await loadCliKnowledge((values.knowledge ?? []).map((dir) => resolve(io.cwd, dir)), io);
  const read: MergeInput[] = [];
  const problems: string[] = [];
  for (const path of positionals) {
    try {
      read.push({ name: path === '-' ? '<stdin>' : path, label: labelFor(path), session: await readAnswers(path, index, io) });
    } catch (error) {
      if (!(error instanceof InvalidContentError)) throw error;
      problems.push(...error.lines.filter((line) => !line.startsWith('answers file is invalid')));
    }
  }
  if (problems.length > 0) throw new InvalidContentError([...problems, `nothing merged: ${count(problems.length, 'problem')} in the files`]);

  const merged = mergeSessions(read, { anonymous: Boolean(values.anonymous) });
  if (!merged.ok) throw new InvalidContentError([...merged.problems.map((problem) => `merge: ${problem}`), `nothing merged: ${count(merged.problems.length, 'problem')}`]);
  const text = serializeAnswersFile(merged.file, `deploy-doctor team answers merged from ${count(read.length, 'file')}; report with "deploy-doctor report <this file>"`);
  // The merged file must read back exactly; a failure here is a bug, never a half-right file on disk.
  const check = parseSession(values.output ?? '<merged>', text, index);
  if (!check.session) throw new Error(`the merged file would not read back: ${check.problems.map(formatProblem).join('; ')}`);

  const respondents = merged.file.respondents?.length ?? 0;
  const summary = `${count(respondents, 'respondent')}, ${count(Object.keys(merged.file.answers).length, 'question')} answered`;
  // The writer every command shares: "-o -" is standard output, and nothing is replaced without --force.
  await writeOutput('merge', io, text, values.output, Boolean(values.force), summary);
  return 0;
}
