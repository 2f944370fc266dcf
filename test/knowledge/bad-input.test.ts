import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { MAX_FILE_BYTES } from '../../src/source/read-text-file.js';
import { formatProblem, type Problem } from '../../src/source/problems.js';
import { repoRoot } from '../support/bundled-knowledge.js';
import { runCli } from '../support/run-cli.js';

const fixtures = 'test/fixtures/knowledge';
const fixtureDir = (name: string) => join(repoRoot, fixtures, name);
const shown = (name: string, file: string) => `${fixtures}/${name}/${file}`;
const symptomFile = 'symptoms/fear-of-deploying.yaml';

/** Loads one fixture and returns its problems; a fixture that loads cleanly fails the test. */
async function problemsOf(dir: string, cwd = repoRoot): Promise<Problem[]> {
  const result = await loadKnowledge([dir], cwd);
  if (result.ok) throw new Error(`${dir} loaded without problems`);
  if ('usageError' in result) throw new Error(`${dir} gave a usage error: ${result.usageError}`);
  return result.problems;
}

const temporaryDirs: string[] = [];
async function temporaryDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-bad-input-'));
  temporaryDirs.push(dir);
  return dir;
}
/** A writable copy of a fixture, for cases where the exact bytes matter. */
async function copyOfFixture(name: string): Promise<string> {
  const dir = await temporaryDir();
  await cp(fixtureDir(name), dir, { recursive: true });
  return dir;
}
afterAll(async () => {
  await Promise.all(temporaryDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const stackTrace = /^\s{4}at /m;

describe('knowledge with one thing broken', () => {
  it('the untouched fixture is valid, so each broken copy fails for its one seeded reason', async () => {
    const result = await loadKnowledge([fixtureDir('valid')], repoRoot);
    expect('problems' in result ? result.problems.map(formatProblem) : []).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('malformed YAML is reported at the file and line of the error', async () => {
    const problems = await problemsOf(fixtureDir('malformed-yaml'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: shown('malformed-yaml', symptomFile), line: 2, column: 10, field: '' });
    expect(problems[0]!.message).toMatch(/^YAML syntax: /);
  });

  it('wrong types name the field, where it is, and what it must be', async () => {
    const problems = await problemsOf(fixtureDir('wrong-types'));
    expect(problems).toEqual([
      {
        file: shown('wrong-types', 'anti-patterns/manual-deployments.yaml'),
        line: 3,
        column: 7,
        field: 'risk',
        message: 'must be one of "critical", "high", "medium", "low"',
      },
      {
        file: shown('wrong-types', symptomFile),
        line: 9,
        column: 16,
        field: 'searchPhrases',
        message: 'must be a list, not string "nobody deploys on Fridays"',
      },
    ]);
  });

  it('the same problems land on the same lines when the files use CRLF line endings', async () => {
    const dir = await copyOfFixture('wrong-types');
    for (const file of [symptomFile, 'anti-patterns/manual-deployments.yaml']) {
      const text = await readFile(join(dir, file), 'utf8');
      await writeFile(join(dir, file), text.replace(/\n/g, '\r\n'));
    }
    const problems = await problemsOf(dir, dir);
    expect(problems.map(({ file, line, column, field }) => ({ file, line, column, field }))).toEqual([
      { file: 'anti-patterns/manual-deployments.yaml', line: 3, column: 7, field: 'risk' },
      { file: symptomFile, line: 9, column: 16, field: 'searchPhrases' },
    ]);
  });

  it('an unknown field is reported on its line and suggests the field that was meant', async () => {
    const problems = await problemsOf(fixtureDir('unknown-field'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: shown('unknown-field', symptomFile), line: 8, field: 'tag', message: 'unknown field "tag"; did you mean "tags"?' });
  });

  it('an unknown field whose value is a block list is reported where the key is written, not at its value', async () => {
    const dir = await copyOfFixture('valid');
    const text = await readFile(join(dir, symptomFile), 'utf8');
    // Line 8 becomes "tag:" and its items follow on lines 9-12.
    await writeFile(join(dir, symptomFile), text.replace('tags: [fear, release-risk, batch-size, friday]\n', 'tag:\n  - fear\n  - release-risk\n  - batch-size\n  - friday\n'));
    const problems = await problemsOf(dir, dir);
    expect(problems).toEqual([{ file: symptomFile, line: 8, column: 1, field: 'tag', message: 'unknown field "tag"; did you mean "tags"?' }]);
  });

  it('an unknown anti-pattern in a symptom names the id and suggests the closest valid one first', async () => {
    const problems = await problemsOf(fixtureDir('unknown-reference'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: shown('unknown-reference', symptomFile), line: 24, column: 18, field: 'causes[2].antiPattern' });
    expect(problems[0]!.message).toMatch(/^unknown anti-pattern "missing-deploy-pipeline"; did you mean "missing-deployment-pipeline"/);
  });

  it('the same id in x.yaml and x.yml is reported as a duplicate naming both files', async () => {
    const problems = await problemsOf(fixtureDir('duplicate-id'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(shown('duplicate-id', 'questions/deploy-automated.yml'));
    expect(problems[0]!.message).toBe(
      `duplicate id "deploy-automated": ${shown('duplicate-id', 'questions/deploy-automated.yaml')} defines it too`,
    );
  });

  it('a billion-laughs alias bomb is refused quickly, as a problem rather than a crash or a hang', async () => {
    const started = performance.now();
    const problems = await problemsOf(fixtureDir('alias-bomb'));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: shown('alias-bomb', symptomFile), line: 1, column: 1 });
    expect(problems[0]!.message).toMatch(/alias/i);
  });

  it('a file over 1 MiB is refused without being parsed, and one of exactly 1 MiB is read', async () => {
    const dir = await copyOfFixture('valid');
    const original = await readFile(join(dir, symptomFile), 'utf8');
    const padded = (size: number) => `${original}#${'x'.repeat(size - Buffer.byteLength(original) - 2)}\n`;
    await writeFile(join(dir, symptomFile), padded(MAX_FILE_BYTES));
    expect((await readFile(join(dir, symptomFile))).length).toBe(MAX_FILE_BYTES);
    const atLimit = await loadKnowledge([dir], dir);
    expect('problems' in atLimit ? atLimit.problems.map(formatProblem) : []).toEqual([]);

    await writeFile(join(dir, symptomFile), padded(MAX_FILE_BYTES + 1));
    const problems = await problemsOf(dir, dir);
    expect(problems).toContainEqual({
      file: symptomFile,
      line: 1,
      column: 1,
      field: '',
      message: `file is larger than the 1 MiB limit (${MAX_FILE_BYTES} bytes)`,
    });
  });

  it('non-UTF-8 bytes are reported at the line that holds them', async () => {
    const dir = await copyOfFixture('valid');
    const original = await readFile(join(dir, symptomFile));
    const lines = original.toString('utf8').split('\n');
    const broken = Buffer.concat([
      Buffer.from(`${lines.slice(0, 2).join('\n')}\nwhatYouSee: caf`),
      Buffer.from([0xe9]), // "é" in Latin-1, invalid on its own in UTF-8
      Buffer.from(`\n${lines.slice(5).join('\n')}`),
    ]);
    await writeFile(join(dir, symptomFile), broken);
    expect(await problemsOf(dir, dir)).toContainEqual({ file: symptomFile, line: 3, column: 1, field: '', message: 'file is not valid UTF-8' });
  });

  it('a file that cannot be read is reported once, without knock-on problems in the files it refers to', async () => {
    // A symptom that fails its schema check does not make its anti-patterns and questions look unused;
    // a symptom that cannot be read at all (here: not UTF-8) should not either.
    const dir = await copyOfFixture('valid');
    const text = await readFile(join(dir, symptomFile));
    await writeFile(join(dir, symptomFile), Buffer.concat([text, Buffer.from([0xff, 0x0a])]));
    const problems = await problemsOf(dir, dir);
    expect(problems.map(formatProblem)).toEqual([`${symptomFile}:28:1  -  file is not valid UTF-8`]);
  });

  it('non-UTF-8 bytes are reported at their own line even when a real U+FFFD character comes earlier', async () => {
    const dir = await copyOfFixture('valid');
    const original = (await readFile(join(dir, symptomFile), 'utf8')).split('\n');
    const broken = Buffer.concat([
      Buffer.from(`title: The team is afraid to deploy \uFFFD\n${original[1]}\nwhatYouSee: caf`),
      Buffer.from([0xe9]),
      Buffer.from(`\n${original.slice(5).join('\n')}`),
    ]);
    await writeFile(join(dir, symptomFile), broken);
    const problems = await problemsOf(dir, dir);
    const utf8Problem = problems.find((problem) => problem.message === 'file is not valid UTF-8');
    expect(utf8Problem).toMatchObject({ file: symptomFile, line: 3 });
  });

  it('a UTF-8 byte-order mark is accepted', async () => {
    const dir = await copyOfFixture('valid');
    const text = await readFile(join(dir, symptomFile), 'utf8');
    await writeFile(join(dir, symptomFile), `\uFEFF${text}`);
    const result = await loadKnowledge([dir], dir);
    expect(result.ok).toBe(true);
  });

  it('an empty directory is reported as holding no knowledge', async () => {
    const root = await temporaryDir();
    await mkdir(join(root, 'empty'));
    expect(await problemsOf(join(root, 'empty'), root)).toEqual([
      { file: 'empty', line: 1, column: 1, field: '', message: 'holds no knowledge: expected YAML files in symptoms/, anti-patterns/, questions/ or vocabulary/' },
    ]);
  });

  it('a file where a directory is expected is a usage error', async () => {
    const file = join(fixtureDir('valid'), symptomFile);
    const result = await loadKnowledge([file], repoRoot);
    expect(result).toEqual({ ok: false, usageError: `${file} is a file; expected a knowledge directory` });
  });

  it('a missing directory is a usage error', async () => {
    const missing = join(fixtureDir('valid'), 'no-such-directory');
    const result = await loadKnowledge([missing], repoRoot);
    expect(result).toEqual({ ok: false, usageError: `knowledge directory ${missing} does not exist` });
  });

  it('a prerequisite cycle is reported once, naming every anti-pattern on it', async () => {
    const problems = await problemsOf(fixtureDir('prerequisite-cycle'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'prerequisites[0]' });
    expect(problems[0]!.file).toMatch(/anti-patterns\/(manual-deployments|missing-deployment-pipeline)\.yaml$/);
    expect(problems[0]!.message).toMatch(/^prerequisite cycle: /);
    expect(problems[0]!.message).toContain('manual-deployments');
    expect(problems[0]!.message).toContain('missing-deployment-pipeline');
  });

  it('an anti-pattern no symptom lists as a cause is reported as unreachable', async () => {
    expect(await problemsOf(fixtureDir('unreachable-anti-pattern'))).toEqual([
      {
        file: shown('unreachable-anti-pattern', 'anti-patterns/cab-gates.yaml'),
        line: 1,
        column: 1,
        field: '',
        message: 'no symptom lists "cab-gates" as a cause, so a diagnosis can never reach it',
      },
    ]);
  });

  it('a question no symptom lists is still valid when it tests a cause a symptom reaches: the interview asks it when that cause is plausible', async () => {
    const result = await loadKnowledge([fixtureDir('unused-question')], repoRoot);
    expect(result.ok).toBe(true);
  });

  it('evidence pointing at an unknown anti-pattern is reported at that evidence item', async () => {
    const problems = await problemsOf(fixtureDir('unknown-evidence'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: shown('unknown-evidence', 'questions/pipeline-exists.yaml'), line: 9, column: 22, field: 'evidence.no[1].antiPattern' });
    expect(problems[0]!.message).toMatch(/^unknown anti-pattern "manual-deployment"; did you mean "manual-deployments"/);
  });
});

describe('fix steps that refer to other fixes', () => {
  const pipelineFile = 'anti-patterns/missing-deployment-pipeline.yaml';
  /** The valid fixture with the pipeline's YAML rewritten; returns each problem as "field: message". */
  async function problemsAfter(edit: (yaml: string) => string): Promise<string[]> {
    const dir = await copyOfFixture('valid');
    const file = join(dir, pipelineFile);
    await writeFile(file, edit(await readFile(file, 'utf8')));
    return (await problemsOf(dir)).map((problem) => `${problem.field}: ${problem.message}`);
  }
  const promoteStep = '    title: Promote that artifact through every environment\n';
  const withPrerequisite = (yaml: string) => yaml.replace('prerequisites: []', 'prerequisites:\n  - manual-deployments');

  it('a step may wait for a prerequisite or one of its steps', async () => {
    const dir = await copyOfFixture('valid');
    const file = join(dir, pipelineFile);
    const yaml = withPrerequisite(await readFile(file, 'utf8')).replace(promoteStep, `${promoteStep}    needs: [manual-deployments/make-deployment-single-command]\n`);
    await writeFile(file, yaml);
    const result = await loadKnowledge([dir], repoRoot);
    expect('problems' in result ? result.problems.map(formatProblem) : []).toEqual([]);
  });

  it('a prerequisite no step needs is reported, so it cannot silently hold the whole plan back', async () => {
    expect(await problemsAfter(withPrerequisite)).toEqual([
      'prerequisites[0]: no step needs "manual-deployments"; name it under the needs of the steps that wait for it',
    ]);
  });

  it('a need that is not a prerequisite, or names a step that does not exist, is reported at the need', async () => {
    expect(await problemsAfter((yaml) => yaml.replace(promoteStep, `${promoteStep}    needs: [manual-deployments]\n`))).toEqual([
      `fix[2].needs[0]: "manual-deployments" is not one of this anti-pattern's prerequisites; add it there or drop the need`,
    ]);
    expect(await problemsAfter((yaml) => withPrerequisite(yaml).replace(promoteStep, `${promoteStep}    needs: [manual-deployments/no-such-step]\n`))).toEqual([
      'fix[2].needs[0]: "manual-deployments" has no step "no-such-step"',
    ]);
  });

  it('sameAs must name a step of another anti-pattern', async () => {
    const sameAs = (target: string) => (yaml: string) => yaml.replace(promoteStep, `${promoteStep}    sameAs: ${target}\n`);
    expect(await problemsAfter(sameAs('manual-deployments/no-such-step'))).toEqual(['fix[2].sameAs: "manual-deployments" has no step "no-such-step"']);
    expect(await problemsAfter(sameAs('missing-deployment-pipeline/build-once-keep-result'))).toEqual([
      'fix[2].sameAs: must point at a step of another anti-pattern',
    ]);
    expect(await problemsAfter(sameAs('no-such-anti-pattern/step'))).toEqual(['fix[2].sameAs: unknown anti-pattern "no-such-anti-pattern"']);
  });

  it('two steps of one anti-pattern may not share an id', async () => {
    expect(await problemsAfter((yaml) => yaml.replace('  - id: build-once-keep-result', '  - id: map-current-path-pick'))).toEqual([
      'fix: step ids must be unique within the anti-pattern',
    ]);
  });
});

describe('knowledge with many things broken', () => {
  it('reports every seeded error at once, each at its own file and line, sorted by file and line', async () => {
    const problems = await problemsOf(fixtureDir('many-errors'));
    const at = (file: string, line: number, field: string) => ({ file: shown('many-errors', file), line, field });
    expect(problems.map(({ file, line, field }) => ({ file, line, field }))).toEqual([
      at('anti-patterns/manual-deployments.yaml', 3, 'risk'),
      at('anti-patterns/missing-deployment-pipeline.yaml', 20, 'fix[0].weeks'),
      at('questions/deploy-automated.yaml', 1, 'text'),
      at('questions/pipeline-exists.yaml', 2, ''),
      at(symptomFile, 7, 'personas[0]'),
      at(symptomFile, 16, 'causes[0].mostCommon'),
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('"critical"'),
      'must read "Week N", "Weeks N-M" or "Ongoing"',
      'must be a question ending in "?"',
      expect.stringMatching(/^YAML syntax: /),
      expect.stringContaining('"developer"'),
      'must be a boolean, not string "yes"',
    ]);
    expect(problems.every((problem) => problem.line >= 1 && problem.column >= 1)).toBe(true);
  });
});

describe('deploy-doctor validate DIR', () => {
  const brokenFixtures = [
    'alias-bomb',
    'duplicate-id',
    'malformed-yaml',
    'many-errors',
    'prerequisite-cycle',
    'unknown-evidence',
    'unknown-field',
    'unknown-reference',
    'unreachable-anti-pattern',
    'wrong-types',
  ];

  it.each(brokenFixtures)('exits 1 for %s and prints one file:line:column line per problem', async (name) => {
    const { code, stdout, stderr } = await runCli(['validate', `${fixtures}/${name}`]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(stackTrace);
    const lines = stderr.trimEnd().split('\n');
    const problemLines = lines.slice(0, -1);
    expect(problemLines.length).toBeGreaterThan(0);
    for (const line of problemLines) expect(line).toMatch(new RegExp(`^${fixtures}/${name}/[a-z-]+/[a-z.-]+:[1-9]\\d*:[1-9]\\d*  \\S+  \\S`));
    expect(lines.at(-1)).toBe(`knowledge is invalid: ${problemLines.length} ${problemLines.length === 1 ? 'problem' : 'problems'}`);
  });

  it('prints every problem of the many-errors fixture at its file:line:column', async () => {
    const { code, stderr } = await runCli(['validate', `${fixtures}/many-errors`]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${fixtures}/many-errors/anti-patterns/manual-deployments.yaml:3:7  risk  must be one of`);
    expect(stderr).toContain(`${fixtures}/many-errors/symptoms/fear-of-deploying.yaml:16:17  causes[0].mostCommon  must be a boolean, not string "yes"`);
    expect(stderr).toMatch(/knowledge is invalid: 6 problems\n$/);
  });

  it('exits 0 for a valid directory; stderr holds only warnings (here: each anti-pattern has only one question)', async () => {
    const { code, stdout, stderr } = await runCli(['validate', `${fixtures}/valid`]);
    expect(code).toBe(0);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/warning: .*only one question can point to/);
    expect(stdout).toMatch(/^knowledge is valid: 1 symptoms?, 2 anti-patterns, 2 questions, 1 vocabulary concept\n$/);
  });

  it('exits 2 for a missing directory', async () => {
    const { code, stdout, stderr } = await runCli(['validate', `${fixtures}/does-not-exist`]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('does-not-exist does not exist');
    expect(stderr).not.toMatch(stackTrace);
  });

  it('exits 2 for a file path', async () => {
    const { code, stderr } = await runCli(['validate', `${fixtures}/valid/${symptomFile}`]);
    expect(code).toBe(2);
    expect(stderr).toContain('is a file; expected a knowledge directory');
    expect(stderr).not.toMatch(stackTrace);
  });

  it('exits 2 for an unknown flag, naming the flag', async () => {
    const { code, stderr } = await runCli(['validate', `${fixtures}/valid`, '--strict']);
    expect(code).toBe(2);
    expect(stderr).toContain("'--strict'");
    expect(stderr).not.toMatch(stackTrace);
  });

  it('exits 2 for more than one directory', async () => {
    const { code, stderr } = await runCli(['validate', `${fixtures}/valid`, `${fixtures}/many-errors`]);
    expect(code).toBe(2);
    expect(stderr).toContain('validate takes at most one directory');
  });

  it('reports the temporary-directory cases (empty, huge, non-UTF-8) with exit 1', async () => {
    const root = await temporaryDir();
    await mkdir(join(root, 'empty'));
    const empty = await runCli(['validate', 'empty'], { cwd: root });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('empty:1:1  -  holds no knowledge');

    const dir = await copyOfFixture('valid');
    await writeFile(join(dir, 'questions', 'huge.yaml'), `#${'x'.repeat(MAX_FILE_BYTES)}\n`);
    await writeFile(join(dir, 'questions', 'latin1.yaml'), Buffer.from([0x74, 0x65, 0x78, 0x74, 0x3a, 0x20, 0xe9, 0x0a]));
    const { code, stderr } = await runCli(['validate', '.'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('questions/huge.yaml:1:1  -  file is');
    expect(stderr).toContain('questions/latin1.yaml:1:1  -  file is not valid UTF-8');
    expect(stderr).not.toMatch(stackTrace);
  });
});
