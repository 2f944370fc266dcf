import { compareText } from './compare-text.js';
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
