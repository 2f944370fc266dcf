import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/bundled-knowledge.js';
import { runCli, type CliResult } from '../support/run-cli.js';

const fullAnswers = 'test/fixtures/answers/full.yaml';
const minimalAnswers = 'test/fixtures/answers/minimal.json';
const stackTrace = /^\s{4}at /m;

type JsonCause = { rank: number; id: string; confidence: number };
type JsonReport = { format: string; team: string | null; symptoms: { id: string }[]; answers: { question: string }[]; causes: JsonCause[] };
type NextJson =
  | { question: { id: string; text: string; help: string; answers: string[] }; asked: number; remaining: number }
  | { done: true; reason: string; explanation: string; asked: number; remaining: number };

const temporaryDirs: string[] = [];
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-headless-'));
  temporaryDirs.push(dir);
});
afterAll(async () => {
  await Promise.all(temporaryDirs.map((path) => rm(path, { recursive: true, force: true })));
});

/** Every failure is one message on stderr, nothing on stdout, and never a stack trace. */
function expectCleanFailure(result: CliResult, code: 1 | 2): void {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(stackTrace);
  expect(result.stderr).not.toContain('unexpected error');
}

/** Content errors: one positioned problem line, then the count. */
function expectOneProblem(result: CliResult, file: string): string {
  expectCleanFailure(result, 1);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:[1-9]\\d*:[1-9]\\d*  `));
  expect(lines[1]).toBe('answers file is invalid: 1 problem');
  return lines[0]!;
}

async function answersFile(name: string, text: string | Buffer): Promise<string> {
  await writeFile(join(dir, name), text);
  return name;
}

describe('report', () => {
  it('prints a Markdown diagnosis for a full answers file and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['report', fullAnswers]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Deployment diagnosis for Payments\b.*\n/);
    expect(stdout).toMatch(/^## /m);
    expect(stdout).toContain('Manual deployments');
    expect(stdout).toContain('Afraid to ship: deploys feel too risky');
  });

  it('accepts a minimal JSON answers file', async () => {
    const { code, stdout, stderr } = await runCli(['report', minimalAnswers]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Deployment diagnosis\n/);
    expect(stdout).toContain('Nobody may merge while a deploy is running');
  });

  it('--format json prints a parseable report with causes ranked by confidence, highest first', async () => {
    const { code, stdout, stderr } = await runCli(['report', fullAnswers, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.format).toBe('deploy-doctor-report');
    expect(report.team).toBe('Payments');
    expect(report.symptoms).toHaveLength(10);
    expect(report.answers).toHaveLength(12);
    expect(report.causes.length).toBeGreaterThan(3);
    // Ranked by probability, except that an upstream cause comes before what it drives.
    expect(report.causes.map((cause) => cause.rank)).toEqual(report.causes.map((_, index) => index + 1));
    expect(['manual-deployments', 'missing-deployment-pipeline']).toContain(report.causes[0]!.id);
    expect(report.causes[0]!.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('gives the same report for the same answers written as YAML or JSON', async () => {
    const yaml = await runCli(['report', '-', '--format', 'json'], { stdin: 'version: 1\nsymptoms: [merge-freeze]\n' });
    const json = await runCli(['report', minimalAnswers, '--format', 'json']);
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toBe(json.stdout);
  });

  it('report - reads the answers from standard input', async () => {
    const stdin = await readFile(join(repoRoot, fullAnswers), 'utf8');
    const fromStdin = await runCli(['report', '-'], { stdin });
    const fromFile = await runCli(['report', fullAnswers]);
    expect(fromStdin.stderr).toBe('');
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('problems in standard input are reported against <stdin>', async () => {
    const result = await runCli(['report', '-'], { stdin: 'version: 1\nsymptoms: [merge-freze]\n' });
    expect(expectOneProblem(result, '<stdin>')).toMatch(/^<stdin>:2:12  symptoms\[0\]  unknown symptom "merge-freze"; did you mean "merge-freeze"/);
  });

  it('an unknown --format is a usage error', async () => {
    expectCleanFailure(await runCli(['report', fullAnswers, '--format', 'pdf']), 2);
  });
});

describe('report -o FILE', () => {
  it('writes the report to the file, refuses to overwrite it without --force, and overwrites with --force', async () => {
    await copyFile(join(repoRoot, fullAnswers), join(dir, 'answers.yaml'));
    const expected = (await runCli(['report', 'answers.yaml'], { cwd: dir })).stdout;

    const first = await runCli(['report', 'answers.yaml', '-o', 'report.md'], { cwd: dir });
    expect(first).toEqual({ code: 0, stdout: '', stderr: 'wrote report.md\n' });
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toBe(expected);

    await writeFile(join(dir, 'report.md'), 'edited by hand\n');
    const second = await runCli(['report', 'answers.yaml', '-o', 'report.md'], { cwd: dir });
    expectCleanFailure(second, 2);
    expect(second.stderr).toContain('report.md already exists; use --force');
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toBe('edited by hand\n');

    const forced = await runCli(['report', 'answers.yaml', '-o', 'report.md', '--force', '--format', 'json'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'report.md'), 'utf8'))).toMatchObject({ format: 'deploy-doctor-report' });

    expect((await readdir(dir)).sort()).toEqual(['answers.yaml', 'report.md']);
  });

  it('writes nothing when the answers are invalid', async () => {
    await answersFile('answers.yaml', 'version: 1\nsymptoms: [no-such-symptom]\n');
    const result = await runCli(['report', 'answers.yaml', '-o', 'report.md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(await readdir(dir)).toEqual(['answers.yaml']);
  });

  it('an output path in a missing directory is a usage error, not a crash', async () => {
    const result = await runCli(['report', join(repoRoot, minimalAnswers), '-o', 'missing/report.md'], { cwd: dir });
    expectCleanFailure(result, 2);
    expect(result.stderr).toContain('cannot write missing/report.md');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('report on bad answers', () => {
  it('malformed YAML: exit 1 with the line of the error', async () => {
    const file = await answersFile('answers.yaml', 'version: 1\nsymptoms: [fear-of-deploying\nanswers:\n  deploy-automated: no\n');
    const line = expectOneProblem(await runCli(['report', file], { cwd: dir }), file);
    expect(line).toMatch(/^answers\.yaml:3:1  -  YAML syntax: /);
  });

  it('an empty file: exit 1 saying what it needs', async () => {
    const file = await answersFile('answers.yaml', '');
    const line = expectOneProblem(await runCli(['report', file], { cwd: dir }), file);
    expect(line).toContain('answers file is empty');
    expect(line).toContain('version: 1');
  });

  it('a wrong version: exit 1 at the version field', async () => {
    const file = await answersFile('answers.yaml', 'version: 3\nsymptoms: [fear-of-deploying]\n');
    const line = expectOneProblem(await runCli(['report', file], { cwd: dir }), file);
    expect(line).toMatch(/^answers\.yaml:1:10  version  must be (one of )?1/);
  });

  it('an unknown symptom id: exit 1, suggesting the closest id first', async () => {
    const file = await answersFile('answers.yaml', 'version: 1\nsymptoms:\n  - merge-freeze\n  - fear-of-deployin\n');
    const line = expectOneProblem(await runCli(['report', file], { cwd: dir }), file);
    expect(line).toMatch(/^answers\.yaml:4:5  symptoms\[1\]  unknown symptom "fear-of-deployin"; did you mean "fear-of-deploying"/);
  });

  it('an unknown question id: exit 1, suggesting the closest id first', async () => {
    const file = await answersFile('answers.yaml', 'version: 1\nsymptoms: [fear-of-deploying]\nanswers:\n  deploy-automatic: no\n');
    const line = expectOneProblem(await runCli(['report', file], { cwd: dir }), file);
    expect(line).toMatch(/^answers\.yaml:4:\d+  answers\.deploy-automatic  unknown question "deploy-automatic"; did you mean "deploy-automated"/);
  });

  it('an answer of "maybe": exit 1, listing the answers allowed', async () => {
    const file = await answersFile('answers.yaml', 'version: 1\nsymptoms: [fear-of-deploying]\nanswers:\n  deploy-automated: maybe\n');
    const line = expectOneProblem(await runCli(['report', file], { cwd: dir }), file);
    expect(line).toBe('answers.yaml:4:21  answers.deploy-automated  must be one of "yes", "no", "partly", "unsure"');
  });

  it('a question id that is not written as an id: exit 1, saying how ids are written', async () => {
    const file = await answersFile('answers.yaml', 'version: 1\nsymptoms: [fear-of-deploying]\nanswers:\n  Deploy-Automated: no\n');
    const line = expectOneProblem(await runCli(['report', file], { cwd: dir }), file);
    expect(line).toContain('Deploy-Automated');
    expect(line).toContain('lower-case words joined by hyphens');
  });

  it('non-UTF-8 answers: exit 1 naming the file', async () => {
    const file = await answersFile('answers.yaml', Buffer.from([0x76, 0x65, 0x72, 0x73, 0x69, 0x6f, 0x6e, 0x3a, 0x20, 0xff, 0x0a]));
    const result = await runCli(['report', file], { cwd: dir });
    expectCleanFailure(result, 1);
    expect(result.stderr).toBe('answers.yaml:1:1  -  file is not valid UTF-8\n');
  });

  it('an alias bomb in the answers file is refused quickly', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [previous, name] of [...'abcdefgh'].map((letter, index) => [letter, 'bcdefghi'[index]!])) {
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const file = await answersFile('answers.yaml', `${levels.join('\n')}\nversion: 1\nsymptoms: [merge-freeze]\n`);
    const started = performance.now();
    const result = await runCli(['report', file], { cwd: dir });
    expect(performance.now() - started).toBeLessThan(2_000);
    expectCleanFailure(result, 1);
    expect(result.stderr).toMatch(/alias/i);
  });

  it('a directory instead of a file: exit 2', async () => {
    await mkdir(join(dir, 'answers'));
    const result = await runCli(['report', 'answers'], { cwd: dir });
    expectCleanFailure(result, 2);
    expect(result.stderr).toBe('deploy-doctor: answers file answers is a directory, not a file\nRun "deploy-doctor --help" for usage.\n');
  });

  it('a missing file: exit 2', async () => {
    const result = await runCli(['report', 'nowhere.yaml'], { cwd: dir });
    expectCleanFailure(result, 2);
    expect(result.stderr).toBe('deploy-doctor: answers file nowhere.yaml does not exist\nRun "deploy-doctor --help" for usage.\n');
  });

  it('no answers file at all: exit 2', async () => {
    const result = await runCli(['report']);
    expectCleanFailure(result, 2);
    expect(result.stderr).toContain('missing the answers file');
  });

  it('two answers files: exit 2', async () => {
    expectCleanFailure(await runCli(['report', fullAnswers, minimalAnswers]), 2);
  });
});

describe('next', () => {
  it('--json prints the most useful question with its id, text and help', async () => {
    const { code, stdout, stderr } = await runCli(['next', minimalAnswers, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const step = JSON.parse(stdout) as NextJson;
    expect('question' in step).toBe(true);
    if (!('question' in step)) return;
    expect(step.question.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(step.question.text).toMatch(/\?$/);
    expect(step.question.help.length).toBeGreaterThan(0);
    expect(step.question.answers).toEqual(['yes', 'no', 'partly', 'unsure']);
    expect(step.asked).toBe(0);
    expect(step.remaining).toBeGreaterThan(0);
  });

  it('without --json prints the question and how to answer it', async () => {
    const { code, stdout } = await runCli(['next', minimalAnswers]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\?\n  why: .+\n  what it settles: .+\n  answer with: [a-z-]+: yes \| no \| partly \| unsure \(question \d+ of at most \d+\)\n$/);
  });

  /** Appends each suggested question's answer and asks again, as a script would. */
  async function interview(symptoms: readonly string[], flags: string[] = []): Promise<{ steps: number; asked: string[]; last: NextJson }> {
    await writeFile(join(dir, 'answers.yaml'), `version: 1\nsymptoms: [${symptoms.join(', ')}]\nanswers:\n  deploy-automated: no\n`);
    const asked: string[] = ['deploy-automated'];
    for (let step = 1; step <= 60; step++) {
      const { code, stdout, stderr } = await runCli(['next', 'answers.yaml', '--json', ...flags], { cwd: dir });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const next = JSON.parse(stdout) as NextJson;
      if (!('question' in next)) return { steps: step, asked, last: next };
      expect(asked, `"${next.question.id}" was asked again`).not.toContain(next.question.id);
      asked.push(next.question.id);
      await appendFile(join(dir, 'answers.yaml'), `  ${next.question.id}: no\n`);
    }
    throw new Error(`the interview did not finish within 40 questions; asked ${asked.join(', ')}`);
  }

  const manySymptoms = ['fear-of-deploying', 'infrequent-releases', 'merge-freeze', 'cross-team-sign-off', 'regressions-on-release', 'staging-passes-production-fails', 'hardening-sprints', 'waiting-on-qa-team', 'change-management-overhead', 'no-rollback-capability'];

  it('a scripted interview that answers "no" to every question ends with {done: true, reason} within 40 steps', async () => {
    const { last, asked } = await interview(manySymptoms);
    expect(last).toMatchObject({ done: true, reason: expect.stringMatching(/^(settled|negligible-gain|no-questions-left|budget)$/) });
    expect('explanation' in last && last.explanation.length > 0).toBe(true);
    expect(asked.length).toBeGreaterThan(1);
  });

  it('with --all the interview asks every relevant question once and stops when none are left', async () => {
    const { last, asked } = await interview(['waiting-on-qa-team'], ['--all']);
    expect(last).toMatchObject({ done: true, reason: 'no-questions-left', remaining: 0 });
    expect(new Set(asked).size).toBe(asked.length);
    expect(last.asked).toBe(asked.length);
  }, 90_000);

  it('the JSON report of a finished interview agrees that it is done', async () => {
    const { last } = await interview(['fear-of-deploying']);
    const report = JSON.parse((await runCli(['report', 'answers.yaml', '--format', 'json'], { cwd: dir })).stdout) as { interview: { done: boolean; reason: string } };
    expect(report.interview).toMatchObject({ done: true, reason: 'reason' in last ? last.reason : 'not done' });
  });

  it('bad answers fail `next` the same way as `report`', async () => {
    const file = await answersFile('answers.yaml', 'version: 1\nsymptoms: [fear-of-deploying]\nanswers:\n  deploy-automated: maybe\n');
    expectOneProblem(await runCli(['next', file, '--json'], { cwd: dir }), file);
  });
});

describe('search', () => {
  const firstHit = async (text: string) => {
    const { code, stdout, stderr } = await runCli(['search', text, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    return (JSON.parse(stdout) as { id: string; score: number }[])[0]?.id;
  };

  it('"we never deploy on fridays" finds fear-of-deploying first', async () => {
    expect(await firstHit('we never deploy on fridays')).toBe('fear-of-deploying');
  });

  it('"it worked in staging" finds staging-passes-production-fails first', async () => {
    expect(await firstHit('it worked in staging')).toBe('staging-passes-production-fails');
  });

  it('scores come out highest first and --limit caps the count', async () => {
    const { stdout } = await runCli(['search', 'deploy', '--json', '--limit', '3']);
    const matches = JSON.parse(stdout) as { score: number }[];
    expect(matches.length).toBeLessThanOrEqual(3);
    expect(matches.map((match) => match.score)).toEqual([...matches.map((match) => match.score)].sort((a, b) => b - a));
  });

  it('no text is a usage error', async () => {
    expectCleanFailure(await runCli(['search', '   ']), 2);
  });
});

describe('command line', () => {
  it('an unknown command exits 2 and suggests the closest command', async () => {
    const result = await runCli(['reprot', fullAnswers]);
    expectCleanFailure(result, 2);
    expect(result.stderr).toContain('unknown command "reprot"; did you mean "report"?');
  });

  it.each([
    ['report', fullAnswers, '--colour'],
    ['next', minimalAnswers, '--verbose'],
    ['search', 'fridays', '--fuzzy'],
    ['list', 'symptoms', '--yaml'],
  ])('an unknown flag exits 2: %s %s %s', async (...argv) => {
    const result = await runCli(argv);
    expectCleanFailure(result, 2);
    expect(result.stderr).toContain(`'${argv[2]}'`);
  });

  it('list with an unknown kind exits 2', async () => {
    expectCleanFailure(await runCli(['list', 'causes']), 2);
  });
});
