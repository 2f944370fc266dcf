import { compareText } from './compare-text.js';
import { count } from './count.js';
/** One thing wrong with a file, with enough position to jump straight to it. */
export type Problem = {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
};

export function formatProblem(problem: Problem): string {
  const field = problem.field === '' ? '-' : problem.field;
  return `${problem.file}:${problem.line}:${problem.column}  ${field}  ${problem.message}`;
}

/** Enough problems to act on; a file with 70,000 wrong ids needs the first few and a count, not a flood. */
export const MAX_PROBLEMS_SHOWN = 50;

/** The problems, capped, then one summary line such as "answers file is invalid: 3 problems". */
export function formatProblemList(problems: readonly Problem[], summary: string, limit = MAX_PROBLEMS_SHOWN): string[] {
  const lines = problems.slice(0, limit).map(formatProblem);
  if (problems.length > limit) lines.push(`... and ${groupThousands(problems.length - limit)} more`);
  lines.push(`${summary}: ${count(problems.length, 'problem')}`);
  return lines;
}

/**
 * 36539 as "36,539", what toLocaleString('en-US') writes for a whole number, without the tens of
 * milliseconds its first call spends setting up number formatting.
 */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.message, b.message),
  );
}

/** Dotted field path as people read it: causes[2].antiPattern */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}
