import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { parse } from 'yaml';
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
    // Shrinking the window mid-interview clears the screen and leaves no line of the wider frame.
    expect(result.cleared_on_shrink).toBe(true);
    expect(result.widest_after_shrink).toBeLessThanOrEqual(40);
    // The preview is formatted from the code-cached bundle, starting at the title.
    expect(result.preview_failed).toBe(false);
    expect(result.preview_shows_title).toBe(true);
    expect(result.preview_raw_markdown).toBe(false);
    // The farewell stands on its own line and names how to continue.
    expect(result.farewell).toMatch(/\n\s*Session saved to .*session-.*\.yaml/);
    expect(result.farewell).toMatch(/Continue it: +node \S*cli\.js --resume/);

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

  it('keeps going when autosave fails, and prints the answers on the way out (issue 9 item 4)', () => {
    const blocked = join(work, 'state-is-a-file');
    writeFileSync(blocked, 'not a folder');
    const drive = spawnSync('python3', [join(repoRoot, 'test/e2e/diagnose-in-pty.py'), cli, work, blocked, 'autosave-fails'], { encoding: 'utf8', timeout: 60_000 });
    const result = JSON.parse(drive.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(result.error, result.screen).toBeUndefined();
    expect(result.exit).toBe(0);
    expect(result.farewell).toMatch(/Your answers were NOT saved: Could not write .*part of that path is a file/);
    expect(result.farewell).toContain('symptoms: ["fear-of-deploying"]');
    expect(result.farewell).not.toMatch(/\n\s+at /);
  }, 90_000);

  it('after autosave fails, s saves the session elsewhere and saving continues there', () => {
    const blocked = join(work, 'state-is-a-file-too');
    writeFileSync(blocked, 'not a folder');
    const drive = spawnSync('python3', [join(repoRoot, 'test/e2e/diagnose-in-pty.py'), cli, work, blocked, 'save-elsewhere'], { encoding: 'utf8', timeout: 60_000 });
    const result = JSON.parse(drive.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(result.error, result.screen).toBeUndefined();
    expect(result.exit).toBe(0);
    expect(result.warning_after_save_as).toBe(false);
    const saved = readdirSync(work).find((name) => name.startsWith('deploy-doctor-session-ops-'));
    expect(saved).toBeDefined();
    expect(result.farewell).toContain(`Session saved to ${join(work, saved!)}`);
    expect(result.farewell).toMatch(/Continue it: +node \S+ --session /);
    // The note written after saving elsewhere is in that file.
    expect(readFileSync(join(work, saved!), 'utf8')).toContain('notes: ["later"]');
  }, 90_000);

  it('a fix step ticked in one run is still ticked after --resume, and the exported plan ticks it (issue 12)', () => {
    const dir = join(work, 'tick');
    mkdirSync(dir);
    const tickState = join(dir, 'state');
    const run = (scenario: string) => {
      const drive = spawnSync('python3', [join(repoRoot, 'test/e2e/diagnose-in-pty.py'), cli, dir, tickState, scenario], { encoding: 'utf8', timeout: 60_000 });
      return JSON.parse(drive.stdout.trim().split('\n').at(-1) ?? '{}') as { error?: string; screen?: string; exit?: number; ticked_on_resume?: boolean };
    };
    const first = run('tick');
    expect(first.error, first.screen).toBeUndefined();
    expect(first.exit).toBe(0);
    const [session] = readdirSync(join(tickState, 'deploy-doctor')).filter((name) => name.startsWith('session-'));
    const saved = readFileSync(join(tickState, 'deploy-doctor', session!), 'utf8');
    const done = (parse(saved) as { done?: string[] }).done;
    expect(done, saved).toHaveLength(1);

    const second = run('resume-ticked');
    expect(second.error, second.screen).toBeUndefined();
    expect(second.exit).toBe(0);
    expect(second.ticked_on_resume).toBe(true);
    const exported = readdirSync(dir).find((name) => name.endsWith('.md'));
    expect(readFileSync(join(dir, exported!), 'utf8')).toContain(`(done)** (step \`${done![0]}\`)`);
  }, 120_000);

  it('refuses to start without a terminal and points to the headless commands', () => {
    const run = spawnSync(process.execPath, [cli], { encoding: 'utf8', input: '' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/report.*next.*search/);
    expect(run.stderr).not.toMatch(/raw mode|\n\s+at /i);
  });
});
