import type * as z from 'zod/mini';
import { closestIds } from './suggest.js';
import type { Problem } from './problems.js';
import { problemAt, type YamlSource } from './yaml-source.js';

/** Turns zod's issues into one positioned, plain-language problem each. */
export function zodProblems(source: YamlSource, schema: z.ZodMiniType, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      const known = fieldsAt(schema as unknown as Schema, path);
      for (const key of issue.keys) {
        const guess = closestIds(key, known, 1)[0];
        const hint = guess ? `; did you mean "${guess}"?` : '';
        problems.push(problemAt(source, [...path, key], `unknown field "${key}"${hint}`, 'key'));
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      problems.push(problemAt(source, path, `"${String(path.at(-1))}" is not a valid id: ${issue.issues[0]?.message ?? 'see the format'}`, 'key'));
      continue;
    }
    if (issue.code === 'invalid_union') {
      const branch = intendedBranch(issue.errors);
      if (branch) {
        problems.push(...zodProblems(source, schema, branch.map((inner) => ({ ...inner, path: [...path, ...inner.path] }))));
        continue;
      }
    }
    problems.push(problemAt(source, path, describe(issue)));
  }
  return problems;
}

/**
 * A value that has one option's shape but a wrong detail inside ({ by: { sam: "maybe" } }) gets that
 * option's precise problem; a value that fits no option's shape gets the union's own message.
 */
function intendedBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): z.core.$ZodIssue[] | undefined {
  const rules = [
    (issues: readonly z.core.$ZodIssue[]) => issues.every((inner) => inner.path.length > 0),
    (issues: readonly z.core.$ZodIssue[]) => issues.every((inner) => inner.path.length > 0 || inner.code !== 'invalid_type'),
  ];
  for (const rule of rules) {
    const fitting = branches.filter((issues) => issues.length > 0 && rule(issues));
    if (fitting.length === 1) return [...fitting[0]!];
    if (fitting.length > 1) return undefined;
  }
  return undefined;
}

/** zod's own messages start with "Invalid"; ours (from the schemas) are already plain words. */
function describe(issue: z.core.$ZodIssue): string {
  if (!issue.message.startsWith('Invalid')) return issue.message;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}, not ${typeName(issue.input)}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  return issue.message;
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a mapping of fields';
  if (expected === 'record') return 'a mapping of ids to values';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

type Definition = { type: string; shape?: Record<string, Schema>; element?: Schema; innerType?: Schema };
type Schema = { _zod: { def: Definition } };

/** The field names a strict object accepts at a path, for "did you mean" hints. */
function fieldsAt(schema: Schema, path: readonly PropertyKey[]): string[] {
  let current: Schema | undefined = schema;
  for (const key of path) {
    const def: Definition | undefined = unwrap(current)?._zod.def;
    if (def?.type === 'object' && typeof key === 'string') current = def.shape?.[key];
    else if (def?.type === 'array') current = def.element;
    else return [];
  }
  const def = unwrap(current)?._zod.def;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

function unwrap(schema: Schema | undefined): Schema | undefined {
  let current = schema;
  while (current && (current._zod.def.type === 'default' || current._zod.def.type === 'optional')) current = current._zod.def.innerType;
  return current;
}
