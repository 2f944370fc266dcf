import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/bundled-knowledge.js';
import { runCli } from '../support/run-cli.js';

const fullAnswers = 'test/fixtures/answers/full.yaml';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-formats-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('report --format for wikis', () => {
  it('html, confluence and csv each print a document of their kind', async () => {
    const html = await runCli(['report', fullAnswers, '--format', 'html']);
    expect(html).toMatchObject({ code: 0, stderr: '' });
    expect(html.stdout).toMatch(/^<!DOCTYPE html>[\s\S]*<h1>Deployment diagnosis for Payments \(2026-11-21\)<\/h1>[\s\S]*<\/html>\n$/);

    const confluence = await runCli(['report', fullAnswers, '--format', 'confluence']);
    expect(confluence).toMatchObject({ code: 0, stderr: '' });
    expect(XMLValidator.validate(confluence.stdout)).toBe(true);
    expect(confluence.stdout).toContain('<ac:task-list>');

    const csv = await runCli(['report', fullAnswers, '-f', 'csv']);
    expect(csv).toMatchObject({ code: 0, stderr: '' });
    expect((parse(csv.stdout) as string[][])[0]).toEqual(['Cause', 'Weeks', 'Step', 'Actions', 'Done', 'Step id']);
  });

  it('--mermaid adds a gantt to the Markdown and is refused with any other format', async () => {
    const plain = await runCli(['report', fullAnswers]);
    const chart = await runCli(['report', fullAnswers, '--mermaid']);
    expect(chart.code).toBe(0);
    expect(chart.stdout).toContain('```mermaid\ngantt\n');
    expect(chart.stdout.replace(/```mermaid[\s\S]*?```\n\n/, '')).toBe(plain.stdout);

    const refused = await runCli(['report', fullAnswers, '--mermaid', '--format', 'html']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('--mermaid adds a chart to the Markdown report; use it with --format md');
  });

  it('writes any format to a file and never replaces an existing one without --force', async () => {
    await writeFile(join(dir, 'plan.html'), 'kept\n');
    const refused = await runCli(['report', join(repoRoot, fullAnswers), '--format', 'html', '-o', 'plan.html'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(await readFile(join(dir, 'plan.html'), 'utf8')).toBe('kept\n');
    const written = await runCli(['report', join(repoRoot, fullAnswers), '--format', 'confluence', '-o', 'plan.xml'], { cwd: dir });
    expect(written).toEqual({ code: 0, stdout: '', stderr: 'wrote plan.xml\n' });
    expect(XMLValidator.validate(await readFile(join(dir, 'plan.xml'), 'utf8'))).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['plan.html', 'plan.xml']);
  });

  it('names the formats when given an unknown one', async () => {
    const result = await runCli(['report', fullAnswers, '--format', 'docx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format must be one of md, json, html, confluence, csv, not "docx"');
  });
});
