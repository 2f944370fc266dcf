import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { marked, type Tokens } from 'marked';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { knowledgeVersion } from '../../src/engine/knowledge-version.js';
import { portfolioSchema, type Portfolio } from '../../src/engine/portfolio-schema.js';
import { bundledIndex, repoRoot } from '../support/bundled-knowledge.js';
import { generateTeams } from '../support/generate-teams.js';
import { headings, plainText, section } from '../support/markdown-tokens.js';
import { runCli, type CliResult } from '../support/run-cli.js';
import { parse as parseYaml } from 'yaml';
import { sessionSchema } from '../../src/engine/session-schema.js';
import { parseSession } from '../../src/engine/parse-session.js';

const fixtures = join(repoRoot, 'test/fixtures/portfolio');
const fiveTeams = ['checkout', 'identity', 'mobile', 'payments', 'search'].map((name) => join(fixtures, `${name}.yaml`));
const stackTrace = /^\s{4}at /m;

let index: KnowledgeIndex;
let dir: string;
const dirs: string[] = [];
beforeAll(async () => {
  index = await bundledIndex();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-portfolio-'));
  dirs.push(dir);
});
afterAll(async () => {
  await Promise.all(dirs.map((path) => rm(path, { recursive: true, force: true })));
});

const json = (result: CliResult) => portfolioSchema.parse(JSON.parse(result.stdout)) as Portfolio;
const sessionOf = async (file: string) => sessionSchema.parse(parseYaml(await readFile(file, 'utf8')));

describe('portfolio of five teams', () => {
  it('sorts teams by name and marks, per team, the anti-pattern its own plan starts with', async () => {
    const result = await runCli(['portfolio', ...fiveTeams]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const tokens = marked.lexer(result.stdout);
    expect(headings(tokens).filter((heading) => heading.depth <= 2).map((heading) => plainText(heading.tokens))).toEqual([
      'Delivery portfolio: 5 teams (2026-09-14 to 2026-09-17)',
      'Teams',
      'Delivery metrics',
      'Anti-patterns by team',
      'Shared anti-patterns',
      'Organisation plan',
    ]);
    expect(Math.max(...headings(tokens).map((heading) => heading.depth))).toBe(3);

    // Five teams fit across a page: one column per team, one row per anti-pattern in any plan.
    const matrix = section(tokens, 'Anti-patterns by team').find((token): token is Tokens.Table => token.type === 'table')!;
    const teams = matrix.header.slice(1).map((cell) => plainText(cell.tokens));
    expect(teams).toEqual(['Checkout', 'Identity', 'Mobile', 'Payments', 'Search']);
    for (const [column, team] of teams.entries()) {
      const diagnosis = diagnose(index, await sessionOf(join(fixtures, `${team.toLowerCase()}.yaml`)));
      const leads = diagnosis.plan.items[0]!;
      const leading = matrix.rows.filter((row) => plainText(row[column + 1]!.tokens).endsWith('leads'));
      expect(leading).toHaveLength(1);
      expect(plainText(leading[0]![0]!.tokens)).toBe(leads.title);
      expect(plainText(leading[0]![column + 1]!.tokens)).toBe(`${Math.round(leads.confidence * 100)}% leads`);
      expect(leading[0]![column + 1]!.tokens.some((token) => token.type === 'strong')).toBe(true);
    }
  });

  it('lists the anti-patterns several teams share, and the organisation plan puts them first, prerequisites before what needs them', async () => {
    const portfolio = json(await runCli(['portfolio', ...fiveTeams, '--format', 'json']));
    const shared = portfolio.antiPatterns.filter((antiPattern) => antiPattern.shared);
    expect(shared[0]).toMatchObject({ id: 'manual-deployments', teams: ['Checkout', 'Mobile', 'Payments'], owner: 'platform' });
    for (const antiPattern of portfolio.antiPatterns) {
      const having = portfolio.teams.filter((team) => team.plan.includes(antiPattern.id)).map((team) => team.team);
      expect(antiPattern.teams).toEqual(having);
      expect(antiPattern.shared).toBe(having.length >= 2);
    }
    const firstSingle = portfolio.plan.findIndex((id) => !shared.some((antiPattern) => antiPattern.id === id));
    const lastShared = Math.max(...shared.map((antiPattern) => portfolio.plan.indexOf(antiPattern.id)));
    expect(lastShared).toBeLessThan(firstSingle);
    portfolio.plan.forEach((id, position) => {
      for (const prerequisite of index.antiPatterns.get(id)!.prerequisites) {
        if (portfolio.plan.includes(prerequisite)) expect(portfolio.plan.indexOf(prerequisite)).toBeLessThan(position);
      }
    });

    const markdown = (await runCli(['portfolio', ...fiveTeams])).stdout;
    const sharedTable = section(marked.lexer(markdown), 'Shared anti-patterns').find((token): token is Tokens.Table => token.type === 'table')!;
    expect(sharedTable.rows.map((row) => plainText(row[0]!.tokens))).toEqual(shared.map((antiPattern) => antiPattern.title));
    expect(plainText(sharedTable.rows[0]![4]!.tokens)).toBe('a platform team, once for everyone');
  });

  it('gives byte-identical output whatever order the files come in', async () => {
    const forward = await runCli(['portfolio', ...fiveTeams]);
    const backward = await runCli(['portfolio', ...[...fiveTeams].reverse()]);
    expect(backward.stdout).toBe(forward.stdout);
  });

  it('exports as HTML, Confluence, CSV and JSON', async () => {
    const html = await runCli(['portfolio', ...fiveTeams, '--format', 'html']);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>[\s\S]*<title>Delivery portfolio: 5 teams/);
    expect(html.stdout).not.toMatch(/<script/);
    const confluence = await runCli(['portfolio', ...fiveTeams, '--format', 'confluence']);
    expect(XMLValidator.validate(confluence.stdout)).toBe(true);
    expect(confluence.stdout).toContain('<ac:parameter ac:name="title">critical risk</ac:parameter>');
    const portfolio = json(await runCli(['portfolio', ...fiveTeams, '--format', 'json']));
    const rows = parseCsv((await runCli(['portfolio', ...fiveTeams, '--format', 'csv'])).stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(portfolio.teams.length * portfolio.antiPatterns.length);
    expect(rows.filter((row) => row['Leads team plan'] === 'yes').map((row) => `${row.Team}: ${row['Anti-pattern']}`)).toEqual(
      portfolio.teams.map((team) => `${team.team}: ${index.antiPatterns.get(team.leads!)!.title}`),
    );
  });
});

describe('portfolio on bad input', () => {
  it('an unreadable file among 200: the other 199 still report, the bad one is named, exit 1', async () => {
    const files = await generateTeams(dir, 200, index);
    await writeFile(files[57]!, 'version: 1\nsymptoms: [fear-of-deploying\n');
    const result = await runCli(['portfolio', ...files, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(stackTrace);
    expect(json(result).teams).toHaveLength(199);
    expect(json(result).teams.map((team) => team.team)).not.toContain('Team 058');
    expect(result.stderr).toContain(`${files[57]}: left out of the portfolio:`);
    expect(result.stderr).toContain('YAML syntax');
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('portfolio: 1 answers file left out; the portfolio covers 199 teams');
  });

  it('a missing file is named too, and the rest report', async () => {
    const result = await runCli(['portfolio', ...fiveTeams, join(dir, 'nowhere.yaml'), '--format', 'json']);
    expect(result.code).toBe(1);
    expect(json(result).teams).toHaveLength(5);
    expect(result.stderr).toContain('nowhere.yaml: left out of the portfolio:');
  });

  it('two files for the same team and date are both named and left out', async () => {
    const copy = join(dir, 'payments-again.yaml');
    await copyFile(fiveTeams[3]!, copy);
    const result = await runCli(['portfolio', ...fiveTeams, copy, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(json(result).teams.map((team) => team.team)).toEqual(['Checkout', 'Identity', 'Mobile', 'Search']);
    expect(result.stderr).toContain(`${fiveTeams[3]}, ${copy}: left out of the portfolio: 2 files for team "Payments" on 2026-09-14`);
  });

  it('the same team on two dates counts once, as its latest assessment; the earlier file is named as superseded', async () => {
    const later = join(dir, 'payments-december.yaml');
    // The later assessment: the rollback is practised now.
    await writeFile(later, (await readFile(fiveTeams[3]!, 'utf8')).replace('2026-09-14', '2026-12-14').replace('rollback-practiced: no', 'rollback-practiced: yes'));
    // Given in either order, the result is the same.
    const result = await runCli(['portfolio', later, ...fiveTeams, '--format', 'json']);
    expect(result.code).toBe(0);
    const portfolio = json(result);
    expect(portfolio.teams.map((team) => `${team.team} ${team.date}`)).toEqual(['Checkout 2026-09-15', 'Identity 2026-09-16', 'Mobile 2026-09-17', 'Payments 2026-12-14', 'Search 2026-09-16']);
    expect(portfolio.teams.find((team) => team.team === 'Payments')?.file).toBe(later);
    expect(portfolio.superseded).toEqual([{ team: 'Payments', file: fiveTeams[3], date: '2026-09-14', by: [later], byDate: '2026-12-14' }]);
    // Shared anti-patterns count Payments once.
    for (const antiPattern of portfolio.antiPatterns) expect(new Set(antiPattern.teams).size).toBe(antiPattern.teams.length);
    expect(result.stderr).toBe(`portfolio: ${fiveTeams[3]} (2026-09-14) is superseded by ${later} (2026-12-14), the later assessment of team "Payments"\n`);
    const reordered = await runCli(['portfolio', ...fiveTeams, later, '--format', 'json']);
    expect(reordered.stdout).toBe(result.stdout);

    const tokens = marked.lexer((await runCli(['portfolio', ...fiveTeams, later])).stdout);
    const teams = section(tokens, 'Teams');
    expect(teams.filter((token): token is Tokens.Table => token.type === 'table')[0]!.rows.map((cells) => cells[0]!.text)).toEqual(['Checkout', 'Identity', 'Mobile', 'Payments', 'Search']);
    const note = teams.find((token): token is Tokens.List => token.type === 'list')!;
    expect(note.items.map((item) => plainText(item.tokens))).toEqual([`Payments: ${fiveTeams[3]} (2026-09-14), superseded by ${later} (2026-12-14)`]);
  });

  it('two files for the same team on its latest date leave the team out rather than show its older assessment', async () => {
    const december = (await readFile(fiveTeams[3]!, 'utf8')).replace('2026-09-14', '2026-12-14');
    const one = join(dir, 'payments-december.yaml');
    const two = join(dir, 'payments-december-copy.yaml');
    await writeFile(one, december);
    await writeFile(two, december);
    const result = await runCli(['portfolio', ...fiveTeams, one, two, '--format', 'json']);
    expect(result.code).toBe(1);
    const portfolio = json(result);
    expect(portfolio.teams.map((team) => team.team)).toEqual(['Checkout', 'Identity', 'Mobile', 'Search']);
    expect(portfolio.superseded).toEqual([{ team: 'Payments', file: fiveTeams[3], date: '2026-09-14', by: [two, one], byDate: '2026-12-14' }]);
    expect(result.stderr).toContain(`${one}, ${two}: left out of the portfolio: 2 files for team "Payments" on 2026-12-14; keep one, or give them different dates`);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('portfolio: 2 answers files left out; the portfolio covers 4 teams');
  });

  it('a team with several files, one of them undated, is left out: which is the latest cannot be told', async () => {
    const undated = join(dir, 'payments-undated.yaml');
    await writeFile(undated, (await readFile(fiveTeams[3]!, 'utf8')).replace('date: 2026-09-14\n', ''));
    const result = await runCli(['portfolio', ...fiveTeams, undated, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(json(result).teams.map((team) => team.team)).toEqual(['Checkout', 'Identity', 'Mobile', 'Search']);
    expect(result.stderr).toContain(`${fiveTeams[3]}, ${undated}: left out of the portfolio: 2 files for team "Payments", not all of them dated, so which is the latest cannot be told; add each one's date`);
  });

  it('files from different knowledge versions are refused as a whole, naming each version and its files', async () => {
    const current = knowledgeVersion(index);
    const older = join(dir, 'older.yaml');
    const newer = join(dir, 'newer.yaml');
    const asVersion2 = async (file: string) => (await readFile(file, 'utf8')).replace('version: 1', 'version: 2');
    await writeFile(older, `${await asVersion2(fiveTeams[0]!)}knowledge: "sha256:000000000000"\n`);
    await writeFile(newer, `${await asVersion2(fiveTeams[1]!)}knowledge: "${current}"\n`);
    const result = await runCli(['portfolio', older, newer, fiveTeams[2]!]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('different knowledge versions');
    expect(result.stderr).toContain(`sha256:000000000000: ${older}`);
    expect(result.stderr).toContain(`${current} (the knowledge in use now): ${newer}`);
  });

  it('never overwrites an existing output without --force, and writes nothing else', async () => {
    await writeFile(join(dir, 'portfolio.html'), 'kept\n');
    const refused = await runCli(['portfolio', ...fiveTeams, '--format', 'html', '-o', 'portfolio.html'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('portfolio.html already exists; use --force to overwrite it');
    expect(await readFile(join(dir, 'portfolio.html'), 'utf8')).toBe('kept\n');
    const forced = await runCli(['portfolio', ...fiveTeams, '--format', 'html', '-o', 'portfolio.html', '--force'], { cwd: dir });
    expect(forced).toEqual({ code: 0, stdout: '', stderr: 'wrote portfolio.html\n' });
    expect(await readFile(join(dir, 'portfolio.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(await readdir(dir)).toEqual(['portfolio.html']);
  });

  it('needs 2 to 200 files', async () => {
    const one = await runCli(['portfolio', fiveTeams[0]!]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('portfolio needs at least 2 answers files');
    const many = await runCli(['portfolio', ...Array.from({ length: 201 }, (_, n) => `team-${n}.yaml`)]);
    expect(many.code).toBe(2);
    expect(many.stderr).toContain('at most 200 answers files, not 201');
  });

  it('uses the file name when an answers file names no team', async () => {
    const anonymous = join(dir, 'platform-guild.yaml');
    await writeFile(anonymous, 'version: 1\nsymptoms: [merge-freeze]\n');
    const portfolio = json(await runCli(['portfolio', anonymous, fiveTeams[0]!, '--format', 'json']));
    expect(portfolio.teams.map((team) => team.team)).toEqual(['Checkout', 'platform-guild']);
  });
});

describe('portfolio delivery metrics', () => {
  it('shows the DORA baselines side by side for the teams that reported them, naming the report year', async () => {
    const tokens = marked.lexer((await runCli(['portfolio', ...fiveTeams])).stdout);
    const metrics = section(tokens, 'Delivery metrics');
    const table = metrics.find((token): token is Tokens.Table => token.type === 'table')!;
    expect(table.header.map((cell) => plainText(cell.tokens))).toEqual([
      'Team',
      'Date',
      'Deployment frequency',
      'Lead time for changes',
      'Change failure rate',
      'Failed deployment recovery time',
      'Rework rate',
    ]);
    expect(table.rows.map((row) => row.map((cell) => plainText(cell.tokens)))).toEqual([
      ['Mobile', '2026-09-17', '2 per month', '3 weeks', '20%', '1 day', '15%'],
      ['Payments', '2026-09-14', 'monthly', '6 weeks', '30%', '2 days', '-'],
    ]);
    const intro = plainText((metrics.find((token) => token.type === 'paragraph') as Tokens.Paragraph).tokens);
    expect(intro).toContain('2024 State of DevOps report');
    expect(intro).toContain('2 of 5 teams gave any');
  });

  it('leaves the section out when no team reported metrics', async () => {
    const withoutMetrics = fiveTeams.filter((file) => !/payments|mobile/.test(file));
    const tokens = marked.lexer((await runCli(['portfolio', ...withoutMetrics])).stdout);
    expect(headings(tokens).map((heading) => plainText(heading.tokens))).not.toContain('Delivery metrics');
  });
});

describe('portfolio progress', () => {
  it('adds steps done and open once any team records finished steps', async () => {
    const plain = marked.lexer((await runCli(['portfolio', ...fiveTeams])).stdout);
    const header = (tokens: ReturnType<typeof marked.lexer>) =>
      section(tokens, 'Teams').find((token): token is Tokens.Table => token.type === 'table')!.header.map((cell) => plainText(cell.tokens));
    expect(header(plain)).not.toContain('Steps done');

    const december = join(repoRoot, 'test/fixtures/progress/payments-december.yaml');
    const result = await runCli(['portfolio', ...fiveTeams.filter((file) => !file.endsWith('payments.yaml')), december]);
    const tokens = marked.lexer(result.stdout);
    expect(header(tokens)).toContain('Steps done');
    const table = section(tokens, 'Teams').find((token): token is Tokens.Table => token.type === 'table')!;
    const payments = table.rows.find((row) => plainText(row[0]!.tokens) === 'Payments')!;
    const portfolio = json(await runCli(['portfolio', ...fiveTeams.filter((file) => !file.endsWith('payments.yaml')), december, '--format', 'json']));
    const progress = portfolio.teams.find((team) => team.team === 'Payments')!.progress;
    expect(progress.done).toBe(2);
    expect(payments.slice(-2).map((cell) => plainText(cell.tokens))).toEqual([String(progress.done), String(progress.open)]);
  });
});

describe('portfolio of rooms', () => {
  it('ranks and plans a room the way its own report does: split hands count less, and the vote leads the plan', async () => {
    const room = join(dir, 'checkout-room.yaml');
    await writeFile(
      room,
      [
        'version: 2',
        'team: Checkout',
        'date: 2026-11-02',
        'room: { people: 6 }',
        'symptoms: [staging-passes-production-fails, no-rollback-capability]',
        'answers:',
        '  environments-from-code: no',
        '  rollback-practiced: { tally: { yes: 2, no: 3, unsure: 1 } }',
        'votes: { tally: { no-rollback-strategy: 9 } }',
        '',
      ].join('\n'),
    );
    const portfolio = json(await runCli(['portfolio', room, fiveTeams[1]!, '--format', 'json']));
    const team = portfolio.teams.find((entry) => entry.team === 'Checkout')!;
    const own = diagnose(index, parseSession(room, await readFile(room, 'utf8'), index).session!);
    expect(team.leads).toBe(own.plan.items[0]!.antiPattern);
    expect(team.plan).toEqual(own.plan.items.map((item) => item.antiPattern));
    for (const cause of own.ranking) expect(team.confidence[cause.id]).toBeCloseTo(cause.confidence, 3);
  });
});
