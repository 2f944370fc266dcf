import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/components/App.js';
import { currentQuestion, selectedFixSteps, type UiEnv } from '../../src/ui/selectors.js';
import type { Services } from '../../src/ui/services.js';
import { initialState, type State } from '../../src/ui/state.js';
import { keyDriver } from '../support/ui-keys.js';
import { withBundledUiEnv, sleep } from '../support/ink-app.js';

const keys = { down: '\u001B[B', esc: '\u001B', enter: '\r' } as const;
const date = '2026-12-02';
let env: UiEnv;
withBundledUiEnv((created) => (env = created));

const { press: key, typeText: typed, enter } = keyDriver(() => env);

function resultsState(): State {
  let state = enter(typed(enter(typed(initialState({ date }), 'Payments')), 'afraid to deploy'));
  for (let guard = 0; guard < 30 && currentQuestion(state, env).question; guard++) state = key(state, 'n');
  return key(state, 'd');
}

async function open(initial: State, columns: number, rows: number) {
  const saveSession = vi.fn<Services['saveSession']>(() => ({ ok: true }));
  const writeExport = vi.fn<Services['writeExport']>(async (path) => ({ outcome: 'written', message: path }));
  const services = { saveSession, saveSessionAs: vi.fn<Services['saveSessionAs']>(), writeExport };
  const instance = render(<App env={env} services={services} initial={initial} color={false} onExit={() => undefined} renderMarkdown={async (text) => text} />);
  Object.defineProperty(instance.stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(instance.stdout, 'rows', { value: rows, configurable: true });
  instance.stdout.emit('resize');
  const frame = () => instance.lastFrame() ?? '';
  const until = async (check: (frame: string) => boolean, what: string) => {
    const deadline = Date.now() + 4_000;
    while (!check(frame())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n--- last frame ---\n${frame()}`);
      await sleep(15);
    }
  };
  const untilShows = (text: string) => until((current) => current.includes(text), `"${text}"`);
  const press = async (input: string) => {
    instance.stdin.write(input);
    await sleep(40);
  };
  await until((current) => current.includes('Results') && current.split('\n').every((line) => line.length <= columns), `the results within ${columns} columns`);
  await sleep(30);
  return { frame, until, untilShows, press, saveSession, writeExport };
}

describe('ticking fix steps in the app', () => {
  it.each([
    [100, 30],
    [80, 24],
    [40, 20],
  ])(
    'at %ix%i the footer leads to the steps, Space ticks one, the tick is autosaved and the exported plan ticks it',
    async (columns, rows) => {
      const state = resultsState();
      const steps = selectedFixSteps(key(state, 't'), env);
      const app = await open(state, columns, rows);
      expect(app.frame()).toMatch(/t tick steps/);
      await app.press('t');
      await app.untilShows('Space mark done');
      expect(app.frame()).toContain('[ ]');
      await app.press(keys.down);
      await app.press(' ');
      await app.untilShows('Space mark not done');
      await app.untilShows('[x]');
      expect(app.frame()).toContain('1 of');
      // Every line of the frame still fits the window.
      expect(app.frame().split('\n').length).toBeLessThanOrEqual(rows);
      expect(app.frame().split('\n').every((line) => line.length <= columns)).toBe(true);
      await app.until(() => app.saveSession.mock.lastCall?.[0].done?.length === 1, 'the autosave with the tick');
      expect(app.saveSession.mock.lastCall?.[0].done).toEqual([steps[1]!.id]);

      await app.press(keys.esc);
      await app.untilShows('e export');
      await app.press('e');
      await app.untilShows('Enter write');
      await app.press(keys.enter);
      await app.until(() => app.writeExport.mock.calls.length === 1, 'the export');
      const markdown = app.writeExport.mock.calls[0]![1];
      expect(markdown).toContain(`(done)** (step \`${steps[1]!.id}\`)`);
      expect(markdown).toMatch(/\*\*Progress:\*\* 1 of \d+ steps done/);
    },
    20_000,
  );

  it('unticking in the app takes the step out of what is saved', async () => {
    const state = resultsState();
    const app = await open({ ...state, done: [selectedFixSteps(key(state, 't'), env)[0]!.id] }, 80, 24);
    await app.press('t');
    await app.untilShows('Space mark not done');
    await app.press('x');
    await app.untilShows('Space mark done');
    await app.until(() => app.saveSession.mock.lastCall?.[0].done === undefined, 'the autosave without the tick');
    expect(app.frame()).not.toContain('[x]');
  }, 15_000);
});
