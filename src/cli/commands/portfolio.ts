import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { knowledgeVersion } from '../../engine/knowledge-version.js';
import { latestAssessments, type Unusable } from '../../engine/latest-assessments.js';
import { buildPortfolio, type AssessedTeam } from '../../engine/portfolio.js';
import { isPortfolioFormat, portfolioFormats } from '../../report/portfolio-formats.js';
import { count } from '../../source/count.js';
import { InvalidContentError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadCliKnowledge } from '../load-cli-knowledge.js';
import { knowledgeOption, parseCommandArgs, formatOption, outputOptions } from '../parse-command-args.js';
import { readManyAnswers } from '../read-many-answers.js';
import { writeOutput } from '../write-output.js';

export const portfolioLimits = { min: 2, max: 200 } as const;

/**
 * Several teams' answers files side by side. A file that cannot be used is named on standard
 * error and left out; the rest still make the portfolio, and the exit code (1) says something was left out.
 */
export async function portfolioCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals: files } = parseCommandArgs('portfolio', args, {
    ...knowledgeOption,
    ...formatOption,
    ...outputOptions,
  });
  const format = values.format;
  if (!isPortfolioFormat(format)) throw new UsageError(`portfolio: --format must be one of ${Object.keys(portfolioFormats).join(', ')}, not "${format}"`);
  if (files.length < portfolioLimits.min) throw new UsageError(`portfolio needs at least ${portfolioLimits.min} answers files, one per team`);
  if (files.length > portfolioLimits.max) throw new UsageError(`portfolio takes at most ${portfolioLimits.max} answers files, not ${files.length}`);
  if (files.includes('-')) throw new UsageError('portfolio reads answers files by name; standard input ("-") is not one of them');
  // Fail before the work, not after it; the atomic write checks again.
  if (values.output && !values.force && (await exists(resolve(io.cwd, values.output)))) {
    throw new UsageError(`portfolio: ${values.output} already exists; use --force to overwrite it`);
  }

  const index = await loadCliKnowledge((values.knowledge ?? []).map((dir) => resolve(io.cwd, dir)), io);
  const outcomes = await readManyAnswers(files, index, io);
  const problems: string[] = [];
  const assessed: AssessedTeam[] = [];
  for (const outcome of outcomes) {
    if ('problems' in outcome) problems.push(`${outcome.file}: left out of the portfolio:`, ...outcome.problems.map((line) => `  ${line}`));
    else assessed.push(outcome);
  }

  refuseMixedKnowledge(assessed, knowledgeVersion(index));
  const { latest, superseded, unusable } = latestAssessments(assessed);
  for (const group of unusable) problems.push(unusableProblem(group));

  if (latest.length === 0) throw new InvalidContentError([...problems, 'portfolio: no answers file could be used']);
  const text = portfolioFormats[format](buildPortfolio(index, latest, superseded), index);
  await writeOutput('portfolio', io, text, values.output, Boolean(values.force));
  // Said here too, since a CSV has no place for it.
  for (const { team, file, date, by, byDate } of superseded) io.err(`portfolio: ${file} (${date}) is superseded by ${by.join(' and ')} (${byDate}), the later assessment of team "${team}"\n`);
  if (problems.length === 0) return 0;
  const leftOut = files.length - latest.length - superseded.length;
  io.err(`${problems.join('\n')}\nportfolio: ${count(leftOut, 'answers file')} left out; the portfolio covers ${count(latest.length, 'team')}\n`);
  return 1;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Files diagnosed against different knowledge were ranked by different rules: comparing them would mislead. */
function refuseMixedKnowledge(assessed: readonly AssessedTeam[], current: string): void {
  const byVersion = new Map<string, string[]>();
  for (const { file, session } of assessed) if (session.knowledge) byVersion.set(session.knowledge, [...(byVersion.get(session.knowledge) ?? []), file]);
  if (byVersion.size <= 1) return;
  const lines = [...byVersion].map(([version, named]) => `  ${version}${version === current ? ' (the knowledge in use now)' : ''}: ${named.join(', ')}`);
  throw new InvalidContentError([
    `portfolio: the answers files come from ${byVersion.size} different knowledge versions, so their results are not comparable:`,
    ...lines,
    'Assess every team with the same knowledge (and the same --knowledge packs), or make separate portfolios.',
  ]);
}

/** Files that cannot all be right are named together and left out, rather than one picked silently. */
function unusableProblem({ team, files, date, reason }: Unusable): string {
  const named = `${files.join(', ')}: left out of the portfolio:`;
  if (reason === 'undated') return `${named} ${files.length} files for team "${team}", not all of them dated, so which is the latest cannot be told; add each one's date`;
  return `${named} ${files.length} files for team "${team}"${date ? ` on ${date}` : ' (no date)'}; keep one, or give them different dates`;
}
