import { resolve } from 'node:path';
import { loadKnowledge } from '../../knowledge/load-knowledge.js';
import { bundledKnowledgeDir } from '../bundled-knowledge.js';
import { exitCodes, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { knowledgeProblemLines } from '../load-cli-knowledge.js';
import { knowledgeOption, parseCommandArgs } from '../parse-command-args.js';
import { count } from '../../source/count.js';
import { formatProblem } from '../../source/problems.js';

export async function validateCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, knowledgeOption);
  if (positionals.length > 1) throw new UsageError('validate takes at most one directory');
  const base = positionals[0] ? resolve(io.cwd, positionals[0]) : bundledKnowledgeDir();
  const dirs = [base, ...(values.knowledge ?? []).map((dir) => resolve(io.cwd, dir))];
  const result = await loadKnowledge(dirs, io.cwd);
  if ('usageError' in result) throw new UsageError(result.usageError);
  if (!result.ok) {
    io.err(`${knowledgeProblemLines(result.problems).join('\n')}\n`);
    return exitCodes.invalidContent;
  }
  // Warnings do not fail validation: the knowledge works, but a diagnosis could be sharper.
  if (result.warnings.length > 0) io.err(`${result.warnings.map((warning) => `warning: ${formatProblem(warning)}`).join('\n')}\n`);
  const { symptoms, antiPatterns, questions } = result.knowledge;
  io.out(`knowledge is valid: ${count(symptoms.length, 'symptom')}, ${count(antiPatterns.length, 'anti-pattern')}, ${count(questions.length, 'question')}\n`);
  return exitCodes.ok;
}
