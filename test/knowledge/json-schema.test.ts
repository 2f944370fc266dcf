import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/knowledge/json-schemas.js';
import { bundledDir, repoRoot } from '../support/bundled-knowledge.js';
import { runCli } from '../support/run-cli.js';

const schemaDir = join(bundledDir, 'schema');
const generated = jsonSchemas();

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

const committed = (file: string) => JSON.parse(readFileSync(join(schemaDir, file), 'utf8')) as JsonSchema;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

/**
 * A deliberately tiny JSON Schema check, enough for the keywords these schemas use:
 * it returns the paths where a document breaks the schema.
 */
function violations(schema: JsonSchema, value: unknown, path = '$'): string[] {
  if (schema.anyOf) return schema.anyOf.some((branch) => violations(branch, value, path).length === 0) ? [] : [`${path}: matches no anyOf branch`];
  if (schema.oneOf) {
    const matching = schema.oneOf.filter((branch) => violations(branch, value, path).length === 0).length;
    return matching === 1 ? [] : [`${path}: matches ${matching} oneOf branches`];
  }
  const problems: string[] = [];
  const actual = typeOf(value);
  if (schema.type) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) return [`${path}: is ${actual}, not ${allowed.join('|')}`];
  }
  if (schema.const !== undefined && value !== schema.const) problems.push(`${path}: is not ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} is not in the enum`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${path}: too short`);
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) problems.push(`${path}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push(`${path}: more than ${schema.maxItems} items`);
    if (schema.items) value.forEach((item, index) => problems.push(...violations(schema.items!, item, `${path}[${index}]`)));
  }
  if (actual === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${path}.${key}: is required`);
    for (const [key, child] of Object.entries(record)) {
      const property = schema.properties?.[key];
      if (property) problems.push(...violations(property, child, `${path}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${path}.${key}: is not allowed`);
    }
  }
  return problems;
}

const knowledgeFiles = (kind: string) =>
  readdirSync(join(bundledDir, kind))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => ({ name, data: parse(readFileSync(join(bundledDir, kind, name), 'utf8')) as unknown }));

describe('committed JSON Schemas', () => {
  it('are exactly what jsonSchemas() generates', () => {
    const files = readdirSync(schemaDir).filter((name) => name.endsWith('.json')).sort();
    expect(files, 'knowledge/schema/ holds a file jsonSchemas() does not generate, or misses one: run `npm run schema`').toEqual(
      Object.keys(generated).sort(),
    );
    for (const [file, content] of Object.entries(generated)) {
      expect(readFileSync(join(schemaDir, file), 'utf8'), `knowledge/schema/${file} is out of date: run \`npm run schema\``).toBe(content);
    }
  });

  it('close every object: each one lists its required keys among its properties and forbids others', () => {
    const walk = (schema: JsonSchema, path: string, found: string[]) => {
      if (schema.type === 'object' && schema.properties) {
        for (const key of schema.required ?? []) if (!(key in schema.properties)) found.push(`${path}: required "${key}" is not a property`);
        if (schema.additionalProperties !== false) found.push(`${path}: allows unknown fields`);
      }
      for (const [key, child] of Object.entries(schema.properties ?? {})) walk(child, `${path}.${key}`, found);
      if (schema.items) walk(schema.items, `${path}[]`, found);
      for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) walk(branch, path, found);
    };
    for (const file of ['symptom.schema.json', 'anti-pattern.schema.json', 'question.schema.json', 'answers.schema.json']) {
      const found: string[] = [];
      walk(committed(file), file, found);
      expect(found).toEqual([]);
    }
  });

  it('do not require fields the loader fills with defaults', () => {
    expect(committed('symptom.schema.json').required).not.toContain('tags');
    expect(committed('symptom.schema.json').required).not.toContain('related');
    expect(committed('anti-pattern.schema.json').required).not.toContain('prerequisites');
    expect(committed('answers.schema.json').required).toEqual(['version', 'symptoms']);
  });

  it.each([
    ['symptoms', 'symptom.schema.json'],
    ['anti-patterns', 'anti-pattern.schema.json'],
    ['questions', 'question.schema.json'],
  ])('accept every bundled file in %s', (kind, file) => {
    const schema = committed(file);
    const files = knowledgeFiles(kind);
    expect(files.length).toBeGreaterThan(0);
    for (const { name, data } of files) expect(violations(schema, data), `${kind}/${name}`).toEqual([]);
  });

  it('have the required keys of a symptom present in a real symptom file, and every key of the file declared', () => {
    const schema = committed('symptom.schema.json');
    const symptom = parse(readFileSync(join(bundledDir, 'symptoms', 'fear-of-deploying.yaml'), 'utf8')) as Record<string, unknown>;
    expect(schema.required!.length).toBeGreaterThan(0);
    for (const key of schema.required!) expect(symptom, `required key ${key}`).toHaveProperty(key);
    for (const key of Object.keys(symptom)) expect(Object.keys(schema.properties!), `file key ${key}`).toContain(key);
  });

  it('reject what the loader rejects: a missing required field, an unknown field, a wrong enum', () => {
    const schema = committed('symptom.schema.json');
    const symptom = parse(readFileSync(join(bundledDir, 'symptoms', 'fear-of-deploying.yaml'), 'utf8')) as Record<string, unknown>;
    const { searchPhrases: _dropped, ...missing } = symptom;
    expect(violations(schema, missing)).toEqual(['$.searchPhrases: is required']);
    expect(violations(schema, { ...symptom, serchPhrases: [] })).toEqual(['$.serchPhrases: is not allowed']);
    expect(violations(schema, { ...symptom, category: 'deploys' })).toEqual(['$.category: "deploys" is not in the enum']);
  });

  it('accept the answers fixtures', () => {
    const schema = committed('answers.schema.json');
    const full = parse(readFileSync(join(repoRoot, 'test/fixtures/answers/full.yaml'), 'utf8')) as unknown;
    const minimal = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/answers/minimal.json'), 'utf8')) as unknown;
    expect(violations(schema, full)).toEqual([]);
    expect(violations(schema, minimal)).toEqual([]);
    expect(violations(schema, { version: 3, symptoms: ['merge-freeze'] })).not.toEqual([]);
  });

  it('describe the JSON report that `report --format json` prints', async () => {
    const { code, stdout } = await runCli(['report', 'test/fixtures/answers/full.yaml', '--format', 'json']);
    expect(code).toBe(0);
    expect(violations(committed('report.schema.json'), JSON.parse(stdout))).toEqual([]);
  });
});
