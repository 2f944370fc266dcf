// Titles from a knowledge pack and names from an answers file must not reach a terminal (or a
// report) with working escape sequences in them: window titles, clipboard writes, screen clears.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showControls } from '../../src/source/show-controls.js';
import { bundledDir } from '../support/bundled-knowledge.js';
import { runCli } from '../support/run-cli.js';

/** ESC, BEL, NUL, DEL and the one-byte CSI 0x9b: none of them may be printed raw. */
const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const titleAttack = 'Afraid \u001b]0;owned\u0007 to \u001b]52;c;ZWNobyBvd25lZA==\u0007deploy\u009b2J\u0000';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-escapes-'));
  const original = await readFile(join(bundledDir, 'symptoms/fear-of-deploying.yaml'), 'utf8');
  await mkdir(join(dir, 'pack/symptoms'), { recursive: true });
  await writeFile(join(dir, 'pack/symptoms/fear-of-deploying.yaml'), original.replace(/^title: .*$/m, `title: ${JSON.stringify(titleAttack)}`));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('showControls', () => {
  it('makes every C0 and C1 control visible and keeps text, tabs and line breaks', () => {
    expect(showControls('a\u001b[31mb\u0007c\u009bd\u0000e\u007f\tf\ng é ✓')).toBe('a\\u001b[31mb\\u0007c\\u009bd\\u0000e\\u007f\tf\ng é ✓');
    expect(showControls('\r')).toBe('\\u000d');
  });
});

describe('output that reaches a terminal', () => {
  it('list shows a pack title with its control characters made visible', async () => {
    const { code, stdout } = await runCli(['list', 'symptoms', '-k', 'pack'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(rawControl);
    expect(stdout).toContain('Afraid \\u001b]0;owned\\u0007 to');
  });

  it('search and list --json print no raw control characters, and the JSON still parses to the title', async () => {
    const search = await runCli(['search', 'afraid to deploy', '-k', 'pack'], { cwd: dir });
    expect(search.stdout).not.toMatch(rawControl);
    const json = await runCli(['list', 'symptoms', '--json', '-k', 'pack'], { cwd: dir });
    expect(json.stdout).not.toMatch(rawControl);
    const symptoms = JSON.parse(json.stdout) as { id: string; title: string }[];
    expect(symptoms.find((symptom) => symptom.id === 'fear-of-deploying')!.title).toBe(titleAttack);
  });

  it('error messages quote bad ids with their control characters made visible', async () => {
    const { code, stderr } = await runCli(['report', '-'], { stdin: 'version: 1\nsymptoms: [fear-of-deploying]\n"tea\\e]0;x\\am": 1\n' });
    expect(code).toBe(1);
    expect(stderr).not.toMatch(rawControl);
    expect(stderr).toContain('\\u001b');
  });
});

describe('reports', () => {
  const answers = 'version: 1\nteam: "Pay\\e]0;owned\\aments\\x9b2J\\0"\nsymptoms: [fear-of-deploying]\nnotes: "ring \\a twice"\n';

  it('Markdown on stdout and in a file carries no raw ESC, BEL, 0x9b or NUL', async () => {
    const printed = await runCli(['report', '-'], { stdin: answers });
    expect(printed.code).toBe(0);
    expect(printed.stdout).not.toMatch(rawControl);
    expect(printed.stdout).toContain('Pay\\u001b');

    const written = await runCli(['report', '-', '-o', 'plan.md'], { cwd: dir, stdin: answers });
    expect(written.code).toBe(0);
    const file = await readFile(join(dir, 'plan.md'), 'utf8');
    expect(file).not.toMatch(rawControl);
    expect(file).toBe(printed.stdout);
  });

  it('JSON keeps the exact team name, escaped, so it stays valid and lossless', async () => {
    const { stdout } = await runCli(['report', '-', '--format', 'json'], { stdin: answers });
    expect(stdout).not.toMatch(rawControl);
    expect((JSON.parse(stdout) as { team: string }).team).toBe('Pay\u001b]0;owned\u0007ments\u009b2J\u0000');
  });
});
