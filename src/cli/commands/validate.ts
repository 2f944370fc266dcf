import { resolve } from 'node:path';
import { loadKnowledge } from '../../knowledge/load-knowledge.js';
import { bundledKnowledgeDir } from '../bundled-knowledge.js';
import { exitCodes, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { knowledgeProblemLines, printWarnings } from '../load-cli-knowledge.js';
import { knowledgeOption, parseCommandArgs } from '../parse-command-args.js';
import { count } from '../../source/count.js';
import { knowledgeWarnings } from '../../knowledge/cross-check.js';
import { checkDoraClusters } from '../../knowledge/load-dora-clusters.js';

export async function validateCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, knowledgeOption);
  if (positionals.length > 1) throw new UsageError('validate takes at most one directory');
  const base = positionals[0] ? resolve(io.cwd, positionals[0]) : bundledKnowledgeDir();
  const dirs = [base, ...(values.knowledge ?? []).map((dir) => resolve(io.cwd, dir))];
  const result = await loadKnowledge(dirs, io.cwd);
  if ('usageError' in result) throw new UsageError(result.usageError);
  printWarnings(result.warnings, io);
  if (!result.ok) {
    io.err(`${knowledgeProblemLines(result.problems).join('\n')}\n`);
    return exitCodes.invalidContent;
  }
  // The DORA clusters file travels with a knowledge directory that has one (the bundled one does).
  const clustersProblems = await checkDoraClusters(base, io.cwd);
  if (clustersProblems.length > 0) {
    io.err(`${knowledgeProblemLines(clustersProblems).join('\n')}\n`);
    return exitCodes.invalidContent;
  }
  const { symptoms, antiPatterns, questions, vocabulary = [] } = result.knowledge;
  const concepts = vocabulary.length > 0 ? `, ${count(vocabulary.length, 'vocabulary concept')}` : '';
  io.out(`knowledge is valid: ${count(symptoms.length, 'symptom')}, ${count(antiPatterns.length, 'anti-pattern')}, ${count(questions.length, 'question')}${concepts}\n`);
  // Advice, not errors: the knowledge works, but a diagnosis could be sharper.
  printWarnings(knowledgeWarnings(result.loaded), io);
  return exitCodes.ok;
}
