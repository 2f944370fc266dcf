import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { parseKnowledgeFile } from '../../src/knowledge/parse-knowledge-file.js';
import type { KnowledgeKind } from '../../src/knowledge/schema.js';
import type { Problem } from '../../src/source/problems.js';
import { bundledDir, repoRoot } from '../support/bundled-knowledge.js';

const realFiles: Record<KnowledgeKind, string> = {
  symptoms: readFileSync(join(bundledDir, 'symptoms', 'fear-of-deploying.yaml'), 'utf8'),
  'anti-patterns': readFileSync(join(bundledDir, 'anti-patterns', 'cab-gates.yaml'), 'utf8'),
  questions: readFileSync(join(bundledDir, 'questions', 'deploy-automated.yaml'), 'utf8'),
  vocabulary: readFileSync(join(bundledDir, 'vocabulary', 'progressive-delivery.yaml'), 'utf8'),
};
const kinds = Object.keys(realFiles) as KnowledgeKind[];

/** Pieces that exercise YAML's syntax: indicators, anchors, tags, quotes, block scalars, field names. */
const yamlToken = fc.constantFrom(
  ':', ': ', ' ', '  ', '\n', '\r\n', '\t', '- ', '-', '[', ']', '{', '}', ',', '? ', '&a ', '*a', '&b ', '*b', '<<: ',
  '!!str ', '!!int ', '!!binary ', '!!set ', '!!omap ', '!custom ', '!!map ', '#', '"', "'", '|', '>-', '---', '...', '%YAML 1.2', '~', 'null',
  'true', 'yes', '0x1F', '.inf', '1e3', '2026-01-01', '\\u0000', '\uFEFF', 'é', '\u2028', '\uFFFD', 'title', 'summary', 'causes', 'antiPattern',
  'mostCommon', 'questions', 'searchPhrases', 'evidence', 'fix', 'weeks', 'Week 1', 'Weeks 3-2', 'risk', 'critical', 'manual-deployments',
);
const yamlishText = fc.array(fc.oneof({ weight: 4, arbitrary: yamlToken }, { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) }), { maxLength: 60 }).map((parts) => parts.join(''));

/** Arbitrary JSON, and JSON shaped like an entity with field values of the wrong kinds. */
const jsonAsYaml = fc
  .oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.dictionary(
      fc.constantFrom('title', 'summary', 'whatYouSee', 'category', 'personas', 'searchPhrases', 'causes', 'questions', 'related', 'tags', 'risk', 'fix', 'text', 'help', 'evidence', 'titel'),
      fc.jsonValue({ maxDepth: 3 }),
    ),
  )
  .map((value) => stringify(value));

type Mutation = { at: number; length: number; insert: string };
const mutation = fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.oneof(fc.constant(''), yamlToken, fc.string({ maxLength: 8 })) });
function mutate(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce((current, { at, length, insert }) => {
    const start = at % (current.length + 1);
    return current.slice(0, start) + insert + current.slice(start + length);
  }, text);
}
const lineShuffle = (text: string, from: number, to: number) => {
  const lines = text.split('\n');
  const [moved] = lines.splice(from % lines.length, 1);
  lines.splice(to % (lines.length + 1), 0, moved!);
  return lines.join('\n');
};
const mutatedRealFile = fc
  .tuple(fc.constantFrom(...kinds), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.option(fc.tuple(fc.nat(), fc.nat())))
  .map(([kind, mutations, shuffle]) => {
    const mutated = mutate(realFiles[kind], mutations);
    return { kind, text: shuffle ? lineShuffle(mutated, shuffle[0], shuffle[1]) : mutated };
  });

const document = fc.oneof(
  fc.tuple(fc.constantFrom(...kinds), yamlishText).map(([kind, text]) => ({ kind, text })),
  fc.tuple(fc.constantFrom(...kinds), jsonAsYaml).map(([kind, text]) => ({ kind, text })),
  mutatedRealFile,
);

function expectWellPlaced(problems: readonly Problem[], file: string, text: string): void {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const problem of problems) {
    expect(problem.file).toBe(file);
    expect(Number.isInteger(problem.line) && problem.line >= 1, `line of ${JSON.stringify(problem)}`).toBe(true);
    expect(Number.isInteger(problem.column) && problem.column >= 1, `column of ${JSON.stringify(problem)}`).toBe(true);
    expect(problem.line, `line of ${JSON.stringify(problem)} in a ${lineCount}-line file`).toBeLessThanOrEqual(lineCount + 1);
    expect(problem.message.trim().length).toBeGreaterThan(0);
  }
}

describe('loading arbitrary documents', () => {
  it('parseKnowledgeFile returns an entity or positioned problems for any text, and never throws', () => {
    fc.assert(
      fc.property(document, fc.constantFrom('fear-of-deploying', 'cab-gates', 'Bad_Id'), ({ kind, text }, id) => {
        const file = `${kind}/${id}.yaml`;
        const result = parseKnowledgeFile({ kind, id, file, text });
        if (result.entity) {
          expect(result.problems).toEqual([]);
          expect(result.entity).toMatchObject({ kind, id });
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
        }
        expectWellPlaced(result.problems, file, text);
      }),
      { numRuns: 1_500 },
    );
  });

  it('unmutated real files load cleanly (the property above starts from valid documents)', () => {
    for (const kind of kinds) {
      const result = parseKnowledgeFile({ kind, id: 'an-id', file: 'f.yaml', text: realFiles[kind] });
      expect(result.problems).toEqual([]);
      expect(result.entity).toBeDefined();
    }
  });

  describe('through loadKnowledge on a real directory', () => {
    let root: string;
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'deploy-doctor-property-'));
    });
    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('the whole load (read, parse, cross-check) reports problems for a mutated file and never throws', async () => {
      const valid = join(repoRoot, 'test/fixtures/knowledge/valid');
      const targets: Record<KnowledgeKind, string> = {
        symptoms: 'symptoms/fear-of-deploying.yaml',
        'anti-patterns': 'anti-patterns/manual-deployments.yaml',
        questions: 'questions/deploy-automated.yaml',
        vocabulary: 'vocabulary/progressive-delivery.yaml',
      };
      let run = 0;
      await fc.assert(
        fc.asyncProperty(document, async ({ kind, text }) => {
          const dir = join(root, `run-${run++}`);
          await cp(valid, dir, { recursive: true });
          await writeFile(join(dir, targets[kind]), text);
          const result = await loadKnowledge([dir], dir);
          expect('usageError' in result).toBe(false);
          if (!result.ok && 'problems' in result) {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const problem of result.problems) {
              expect(problem.line).toBeGreaterThanOrEqual(1);
              expect(problem.column).toBeGreaterThanOrEqual(1);
              expect(problem.file).toMatch(/^(symptoms|anti-patterns|questions|vocabulary)\/[a-z-]+\.yaml$/);
            }
          }
          await rm(dir, { recursive: true, force: true });
        }),
        { numRuns: 150 },
      );
    });
  });
});
