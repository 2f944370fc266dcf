import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/bundled-knowledge.js';

const cli = join(repoRoot, 'dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'deploy-doctor-e2e-'));
const state = join(work, 'state');

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the built CLI in a real pseudo-terminal', () => {
  it('completes a diagnosis with the keyboard alone and exports the same top cause the headless report finds', () => {
    expect(existsSync(cli), 'run npm run build first (npm test does)').toBe(true);
    const drive = spawnSync('python3', [join(repoRoot, 'test/e2e/diagnose-in-pty.py'), cli, work, state], { encoding: 'utf8', timeout: 90_000 });
    const result = JSON.parse(drive.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(result.error, result.screen).toBeUndefined();
    expect(result.exit).toBe(0);

    const exported = readdirSync(work).filter((name) => name.endsWith('.md'));
    expect(exported).toHaveLength(1);
    const markdown = readFileSync(join(work, exported[0]!), 'utf8');
    expect(markdown.startsWith('# Deployment diagnosis for Payments')).toBe(true);

    const sessions = readdirSync(join(state, 'deploy-doctor')).filter((name) => name.startsWith('session-'));
    expect(sessions).toHaveLength(1);
    const headless = spawnSync(process.execPath, [cli, 'report', join(state, 'deploy-doctor', sessions[0]!), '--format', 'json'], { encoding: 'utf8' });
    expect(headless.status).toBe(0);
    const report = JSON.parse(headless.stdout) as { causes: { title: string }[] };

    const table = marked.lexer(markdown).find((token) => token.type === 'table') as { rows: { text: string }[][] } | undefined;
    expect(table?.rows[0]?.[1]?.text).toBe(report.causes[0]!.title);
    // Same answers, same bytes: the interactive export is the engine's own report.
    const headlessMarkdown = spawnSync(process.execPath, [cli, 'report', join(state, 'deploy-doctor', sessions[0]!)], { encoding: 'utf8' });
    expect(headlessMarkdown.stdout).toBe(markdown);
  }, 120_000);

  it('refuses to start without a terminal and points to the headless commands', () => {
    const run = spawnSync(process.execPath, [cli], { encoding: 'utf8', input: '' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/report.*next.*search/);
    expect(run.stderr).not.toMatch(/raw mode|\n\s+at /i);
  });
});
