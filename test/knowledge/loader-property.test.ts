import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidContentError } from '../../src/cli/errors.js';
import { readAnswers } from '../../src/cli/read-answers.js';
import { serializeSession, updateSessionText } from '../../src/cli/session-yaml.js';
import { parseSession } from '../../src/engine/parse-session.js';
import type { Session } from '../../src/engine/session-schema.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { parseKnowledgeFile } from '../../src/knowledge/parse-knowledge-file.js';
import type { KnowledgeKind } from '../../src/knowledge/schema.js';
import type { Problem } from '../../src/source/problems.js';
import { bundledDir, bundledIndex, repoRoot } from '../support/bundled-knowledge.js';

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

describe('answers files and saved sessions', () => {
  const realAnswers = readFileSync(join(repoRoot, 'test/fixtures/answers/full.yaml'), 'utf8');
  /** Bytes as they might arrive on standard input: mutated real answers, YAML-ish noise, raw binary. */
  const stdinBytes = fc.oneof(
    fc.tuple(fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([mutations]) => Buffer.from(mutate(realAnswers, mutations))),
    yamlishText.map((text) => Buffer.from(text)),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.concat([Buffer.from(realAnswers.slice(0, 120)), bytes])),
  );
  const stdinIo = (bytes: Uint8Array) => ({
    out: () => undefined,
    err: () => undefined,
    cwd: repoRoot,
    env: {},
    readStdin: async () => bytes,
    stdinIsTTY: false,
    stdoutIsTTY: false,
  });

  it('answers read from standard input give a session or positioned problems, never anything else', async () => {
    const index = await bundledIndex();
    await fc.assert(
      fc.asyncProperty(stdinBytes, async (bytes) => {
        try {
          const session = await readAnswers('-', index, stdinIo(bytes));
          expect(session.version).toBe(1);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidContentError);
          const lines = (error as InvalidContentError).lines;
          expect(lines.at(-1)).toMatch(/^answers file is invalid: \d+ problems?$|^<stdin>:\d+:1  -  file /);
          for (const line of lines.slice(0, -1)) expect(line).toMatch(/^(<stdin>:[1-9]\d*:[1-9]\d*  .+  \S|\.\.\. and [\d,]+ more$)/s);
        }
      }),
      { numRuns: 400 },
    );
  });

  /** Sessions the app could save: any team name and notes people might type, controls included. */
  const knownIds = (ids: readonly string[]) => fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 6 });
  const sessionArbitrary = (symptomIds: string[], questionIds: string[]) =>
    fc.record(
      {
        version: fc.constant(1 as const),
        team: fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }).map((team) => team.trim()).filter((team) => team.length > 0),
        date: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
        symptoms: knownIds(symptomIds),
        answers: fc.dictionary(fc.constantFrom(...questionIds), fc.constantFrom('yes', 'no', 'partly', 'unsure'), { maxKeys: 8 }),
        notes: fc.string({ maxLength: 300, unit: 'binary' }),
      },
      { requiredKeys: ['version', 'symptoms', 'answers'] },
    ) as fc.Arbitrary<Session>;

  it('every session the app can save reads back as the same session, fresh or written into a hand-written file', async () => {
    const index = await bundledIndex();
    const sessions = sessionArbitrary([...index.symptoms.keys()], [...index.questions.keys()]);
    const handWritten = `# our retro\n${realAnswers}`;
    fc.assert(
      fc.property(sessions, (session) => {
        // Empty notes are not written: they read back as no notes, which reports treat the same.
        const expected = { ...session, answers: session.answers ?? {}, notes: session.notes || undefined };
        const fresh = parseSession('saved.yaml', serializeSession(session), index);
        expect(fresh.problems).toEqual([]);
        expect(fresh.session).toEqual(expected);
        const updated = updateSessionText(handWritten, session);
        if (updated !== undefined) {
          expect(parseSession('saved.yaml', updated, index).session).toEqual(expected);
          expect(updated).toContain('# our retro');
        }
      }),
      { numRuns: 300 },
    );
  });
});
