import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/run-cli.js';

const temporaryDirs: string[] = [];
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-room-'));
  temporaryDirs.push(dir);
});
afterAll(async () => {
  await Promise.all(temporaryDirs.map((path) => rm(path, { recursive: true, force: true })));
});

const write = (name: string, text: string) => writeFile(join(dir, name), text);
const cli = (...argv: string[]) => runCli(argv, { cwd: dir });

function expectFailure(result: CliResult, code: 1 | 2): string {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/^\s{4}at /m);
  expect(result.stderr).not.toContain('unexpected error');
  return result.stderr;
}

/** Five people's own files: the pipeline question splits them; most say deploys are manual. */
async function fivePeople(): Promise<string[]> {
  const people = [
    ['ana', 'no', 'yes', '[fear-of-deploying, merge-freeze]', 'notes: "Deploys take my whole Friday."\n'],
    ['ben', 'no', 'no', '[fear-of-deploying]', ''],
    ['cho', 'no', 'unsure', '[fear-of-deploying]', ''],
    ['dev', 'yes', 'partly', '[merge-freeze]', ''],
    ['eli', 'no', 'no', '[fear-of-deploying, slow-recovery]', ''],
  ] as const;
  for (const [name, automated, pipeline, symptoms, notes] of people) {
    await write(`${name}.yaml`, `version: 1\nteam: Payments\ndate: 2026-11-2${people.findIndex((p) => p[0] === name)}\nsymptoms: ${symptoms}\nanswers:\n  deploy-automated: ${automated}\n  pipeline-exists: ${pipeline}\n${notes}`);
  }
  return people.map(([name]) => `${name}.yaml`);
}

describe('merge', () => {
  it('combines five anonymous files: every answer kept per person, symptoms unioned with counts, notes kept', async () => {
    const files = await fivePeople();
    const result = await cli('merge', ...files, '--anonymous', '-o', 'team.yaml');
    expect(result.stderr).toBe('wrote team.yaml: 5 respondents, 2 questions answered\n');
    expect(result.code).toBe(0);
    const merged = await readFile(join(dir, 'team.yaml'), 'utf8');
    expect(merged).not.toMatch(/"(ana|ben|cho|dev|eli)"/);
    expect(merged).toContain('symptoms: ["fear-of-deploying","merge-freeze","slow-recovery"]');
    expect(merged).toContain('symptomCounts: {"fear-of-deploying":4,"merge-freeze":2,"slow-recovery":1}');
    expect(merged).toContain('deploy-automated: {"by":{"1":"no","2":"no","3":"no","4":"yes","5":"no"}}');
    expect(merged).toContain('"notes":"Deploys take my whole Friday."');
    expect(merged).toContain('date: 2026-11-24');

    const report = await cli('report', 'team.yaml');
    expect(report.code).toBe(0);
    expect(report.stdout).toContain("2 questions answered by 5 people");
    expect(report.stdout).toContain('(reported by 4 of 5)');
    expect(report.stdout).toContain('## Where the team disagrees');
    expect(report.stdout).toContain('yes 1 · no 2 · partly 1 · unsure 1');
    expect(report.stdout).toContain('| Can you deploy to production without anyone running manual steps? | no | yes 1 · no 4 |');
    // The same file always gives the same bytes.
    expect((await cli('report', 'team.yaml')).stdout).toBe(report.stdout);

    const next = JSON.parse((await cli('next', 'team.yaml', '--json')).stdout);
    expect(next.room.split).toBe(true);
    expect(next.room.disagreements).toEqual(['pipeline-exists']);
    expect(next.room.tallies['deploy-automated']).toMatchObject({ yes: 1, no: 4, summary: 'yes 1 · no 4', split: false });
  });

  it('names people after their files unless --anonymous, and prints to standard output without -o', async () => {
    const files = await fivePeople();
    const result = await cli('merge', files[0]!, files[1]!);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('deploy-automated: {"by":{"ana":"no","ben":"no"}}');
  });

  it('refuses files it cannot combine without losing or guessing, naming each problem (exit 1)', async () => {
    await fivePeople();
    await write('other-team.yaml', 'version: 1\nteam: Checkout\nsymptoms: [merge-freeze]\nanswers:\n  deploy-automated: no\n');
    await write('silent.yaml', 'version: 1\nteam: Payments\nsymptoms: [merge-freeze]\n');
    await write('old.yaml', 'version: 2\nknowledge: "0.0.9"\nsymptoms: [merge-freeze]\nanswers:\n  deploy-automated: no\n');
    await write('new.yaml', 'version: 2\nknowledge: "0.1.0"\nsymptoms: [merge-freeze]\nanswers:\n  deploy-automated: no\nmetrics: { deploymentFrequency: weekly }\n');
    await write('slow.yaml', 'version: 2\nknowledge: "0.1.0"\nsymptoms: [merge-freeze]\nanswers:\n  deploy-automated: yes\nmetrics: { deploymentFrequency: monthly }\n');
    const teams = expectFailure(await cli('merge', 'ana.yaml', 'other-team.yaml', 'silent.yaml', '-o', 'team.yaml'), 1);
    expect(teams).toContain('the files name different teams ("Payments" in ana.yaml, silent.yaml; "Checkout" in other-team.yaml)');
    expect(teams).toContain('silent.yaml: respondent "silent" answered no questions');
    expect(teams.trimEnd().split('\n').at(-1)).toBe('nothing merged: 2 problems');
    expect(expectFailure(await cli('merge', 'old.yaml', 'new.yaml'), 1)).toContain('answered against different knowledge');
    expect(expectFailure(await cli('merge', 'new.yaml', 'slow.yaml'), 1)).toContain('different deployment frequencies ("weekly" in new.yaml; "monthly" in slow.yaml)');
    await expect(readFile(join(dir, 'team.yaml'))).rejects.toThrow();
  });

  it('refuses the same label twice unless --anonymous, and a room tally that has no people to merge', async () => {
    await fivePeople();
    await write('pair.yaml', 'version: 2\nrespondents: [{ label: ana }, { label: zed }]\nsymptoms: [merge-freeze]\nanswers:\n  deploy-automated: { by: { ana: no, zed: yes } }\n');
    await write('room.yaml', 'version: 2\nroom: { people: 4 }\nsymptoms: [merge-freeze]\nanswers:\n  deploy-automated: { tally: { no: 4 } }\n');
    expect(expectFailure(await cli('merge', 'ana.yaml', 'pair.yaml'), 1)).toContain('respondent "ana" appears in ana.yaml and pair.yaml; rename one, or merge with --anonymous');
    const anonymous = await cli('merge', 'ana.yaml', 'pair.yaml', '--anonymous');
    expect(anonymous.code).toBe(0);
    expect(anonymous.stdout).toContain('deploy-automated: {"by":{"1":"no","2":"no","3":"yes"}}');
    expect(expectFailure(await cli('merge', 'ana.yaml', 'room.yaml'), 1)).toContain("room.yaml is a room's show of hands");
  });

  it('usage errors exit 2 and never touch a file: one file, an existing output, an output that is an input', async () => {
    const files = await fivePeople();
    expect(expectFailure(await cli('merge', files[0]!), 2)).toContain('merge needs at least two answers files');
    await write('team.yaml', 'keep me\n');
    expect(expectFailure(await cli('merge', files[0]!, files[1]!, '-o', 'team.yaml'), 2)).toContain('team.yaml already exists; use --force');
    expect(await readFile(join(dir, 'team.yaml'), 'utf8')).toBe('keep me\n');
    expect(expectFailure(await cli('merge', files[0]!, files[1]!, '-o', files[0]!, '--force'), 2)).toContain('is one of the files being merged');
    expect(await readFile(join(dir, files[0]!), 'utf8')).toContain('version: 1');
    expect(expectFailure(await cli('merge', files[0]!, 'missing.yaml'), 2)).toContain('missing.yaml');
    const forced = await cli('merge', files[0]!, files[1]!, '-o', 'team.yaml', '--force');
    expect(forced.code).toBe(0);
  });

  it('an invalid input file is reported with its position, and nothing is written (exit 1)', async () => {
    const files = await fivePeople();
    await write('broken.yaml', 'version: 1\nsymptoms: [fear-of-deploying]\nanswers:\n  deploy-automated: maybe\n');
    const stderr = expectFailure(await cli('merge', files[0]!, 'broken.yaml', '-o', 'team.yaml'), 1);
    expect(stderr).toContain('broken.yaml:4:21  answers.deploy-automated  must be one of "yes", "no", "partly", "unsure"');
    await expect(readFile(join(dir, 'team.yaml'))).rejects.toThrow();
  });
});

describe('answers file version 2: bad input', () => {
  const problems = async (text: string) => {
    await write('answers.yaml', text);
    return expectFailure(await cli('report', 'answers.yaml'), 1);
  };

  it('version 1 files keep working, and refuse version 2 fields with a hint', async () => {
    expect(await problems('version: 1\nsymptoms: [fear-of-deploying]\nmetrics: { leadTime: 3 days }\n')).toContain('metrics  needs "version: 2"');
    expect(await problems('version: 1\nsymptoms: [fear-of-deploying]\nanswers:\n  deploy-automated: { tally: { no: 3 } }\n')).toContain('need "version: 2"');
  });

  it('labels must be unique and known; a room has at least 2 people, records no names and counts no more than it holds', async () => {
    expect(await problems('version: 2\nrespondents: [{ label: Sam }, { label: Sam }]\nsymptoms: [fear-of-deploying]\n')).toContain('respondent "Sam" is listed twice');
    expect(await problems('version: 2\nrespondents: [{ label: Sam }]\nsymptoms: [fear-of-deploying]\nanswers:\n  deploy-automated: { by: { Bob: no } }\n')).toContain('"Bob" is not one of the respondents');
    expect(await problems('version: 2\nroom: { people: 1 }\nsymptoms: [fear-of-deploying]\n')).toContain('a room needs at least 2 people');
    expect(await problems('version: 2\nroom: { people: 3 }\nsymptoms: [fear-of-deploying]\nanswers:\n  deploy-automated: { tally: { no: 3, yes: 2 } }\n')).toContain('counts 5 answers, but only 3 people took part');
    expect(await problems('version: 2\nroom: { people: 3 }\nsymptoms: [fear-of-deploying]\nanswers:\n  deploy-automated: { by: { a: no } }\n')).toContain('use "tally"');
    expect(await problems('version: 2\nroom: { people: 2 }\nsymptoms: [fear-of-deploying]\nvotes: { tally: { manual-deployments: 7 } }\n')).toContain('7 dots, but 2 people have only 6');
    expect(await problems('version: 2\nsymptoms: [fear-of-deploying]\nvotes: { by: { a: [manual-deployments, blind-operations, cab-gates, cab-gates] } }\n')).toContain('each person has 3 dots');
  });

  it('metrics out of range or in the wrong unit say what is expected', async () => {
    expect(await problems('version: 2\nsymptoms: [fear-of-deploying]\nmetrics: { changeFailureRate: 140% }\n')).toContain('changeFailureRate  must be between 0% and 100%');
    expect(await problems('version: 2\nsymptoms: [fear-of-deploying]\nmetrics: { leadTime: 15% }\n')).toContain('leadTime  must be a duration like "45 minutes"');
    expect(await problems('version: 2\nsymptoms: [fear-of-deploying]\nmetrics: { deploymentFrequency: 3 }\n')).toContain('must be text: a deployment frequency like');
    expect(await problems('version: 2\nsymptoms: [fear-of-deploying]\nmetrics: { recoveryTime: 2 parsecs }\n')).toContain('recoveryTime  must be a duration');
  });
});
