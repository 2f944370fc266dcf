// Interactive app: start-up to the first frame in a real pseudo-terminal, and the work per keystroke while filtering.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderToString } from 'ink';
import { createElement } from 'react';
import { SymptomPicker } from '../../src/ui/components/SymptomPicker.js';
import { reduce } from '../../src/ui/reducer.js';
import { createUiEnv } from '../../src/ui/selectors.js';
import { initialState, type State } from '../../src/ui/state.js';
import { bundledIndex, repoRoot } from '../support/bundled-knowledge.js';
import { median } from './measure-process.js';

const frameProbe = join(repoRoot, 'test/bench/first-frame.py');

function msUntilOnScreen(marker: string, command: string[], env: NodeJS.ProcessEnv): number {
  const run = spawnSync('python3', [frameProbe, marker, '--', ...command], { encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(`first-frame probe failed: ${run.stderr}`);
  return Number(run.stdout.trim());
}

function firstFrame() {
  const state = mkdtempSync(join(tmpdir(), 'deploy-doctor-bench-state-'));
  const env = { ...process.env, XDG_STATE_HOME: state };
  const bare: number[] = [];
  const app: number[] = [];
  msUntilOnScreen('Team name', [process.execPath, join(repoRoot, 'dist/cli.js')], env);
  for (let run = 0; run < 15; run++) {
    bare.push(msUntilOnScreen('ready', [process.execPath, '-e', "process.stdout.write('ready')"], env));
    app.push(msUntilOnScreen('Team name', [process.execPath, join(repoRoot, 'dist/cli.js')], env));
  }
  rmSync(state, { recursive: true, force: true });
  const ratio = median(app) / median(bare);
  console.log(
    `interactive: process start to first frame in a pty: ${median(app).toFixed(1)} ms vs node -e '' ${median(bare).toFixed(1)} ms = ${ratio.toFixed(2)}x (target <= 3x) ${ratio <= 3 ? 'ok' : 'MISSED'}`,
  );
}

async function filteringPerKeystroke() {
  const env = createUiEnv(await bundledIndex());
  let state: State = { ...initialState({ date: '2026-11-21' }), screen: 'picker' };
  const render = () => renderToString(createElement(SymptomPicker, { state, env, columns: 100, rows: 30 }), { columns: 100 });
  render();
  // As the app does once its first frame is on screen.
  env.warmSearch();
  const times: number[] = [];
  for (const phrase of ['we never deploy on fridays', 'it worked in staging', 'waiting for qa to sign off']) {
    state = { ...state, picker: { ...state.picker, query: '' } };
    for (const character of phrase) {
      const start = performance.now();
      state = reduce(state, { type: 'key', input: character, key: {} }, env);
      render();
      times.push(performance.now() - start);
    }
  }
  const typical = median(times);
  console.log(
    `interactive: filtering, one keystroke (reducer, search, picker rendered to text): median ${typical.toFixed(2)} ms, worst ${Math.max(...times).toFixed(2)} ms (target <= 16 ms) ${typical <= 16 ? 'ok' : 'MISSED'}`,
  );
}

export async function interactiveFigures() {
  firstFrame();
  await filteringPerKeystroke();
}
