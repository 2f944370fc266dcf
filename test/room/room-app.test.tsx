import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/components/App.js';
import { RoomVote } from '../../src/ui/room/RoomVote.js';
import { diagnose } from '../../src/engine/diagnose.js';
import { type UiEnv } from '../../src/ui/selectors.js';
import type { Services } from '../../src/ui/services.js';
import { initialState, toSession, type State } from '../../src/ui/state.js';
import { keyDriver } from '../support/ui-keys.js';
import { withBundledUiEnv, sleep } from '../support/ink-app.js';

const keys = { enter: '\r', backspace: '\u007F' } as const;
let env: UiEnv;
withBundledUiEnv((created) => (env = created));

const { press: key, typeText: typed } = keyDriver(() => env);

/** A room of 6 at its first question, set up through the welcome screen as the footer says. */
function roomInterview(): State {
  let state = key(initialState({ date: '2026-11-21' }), '', { tab: true });
  state = key(typed(state, 'Payments'), '', { return: true });
  state = key(typed(state, '6'), '', { return: true });
  state = key(state, '', { return: true });
  return key(typed(state, 'afraid to deploy'), '', { return: true });
}

async function open(initial: State) {
  const saveSession = vi.fn<Services['saveSession']>(() => ({ ok: true }));
  const services = { saveSession, saveSessionAs: vi.fn<Services['saveSessionAs']>(), writeExport: vi.fn<Services['writeExport']>() };
  const instance = render(<App env={env} services={services} initial={initial} color={false} onExit={() => undefined} renderMarkdown={async (text) => text} />);
  const frame = () => instance.lastFrame() ?? '';
  const untilShows = async (text: string) => {
    const until = Date.now() + 4_000;
    while (!frame().includes(text)) {
      if (Date.now() > until) throw new Error(`timed out waiting for "${text}"\n--- last frame ---\n${frame()}`);
      await sleep(15);
    }
  };
  const press = async (input: string) => {
    instance.stdin.write(input);
    await sleep(40);
  };
  await untilShows('deploy-doctor');
  await sleep(30);
  return { frame, untilShows, press, saveSession };
}

describe('facilitator mode on screen', () => {
  it('shows the tally as hands go up, the split, the ranking, and autosaves the counts', async () => {
    const app = await open(roomInterview());
    await app.untilShows('Hands: none yet (0 of 6)');
    expect(app.frame()).toContain('Most likely causes');
    for (const hand of 'nnyyu') await app.press(hand);
    await app.untilShows('Hands: yes 2 · no 2 · unsure 1 (5 of 6)');
    await app.untilShows('The room is split');
    await app.press(keys.backspace);
    await app.untilShows('Hands: yes 2 · no 2 (4 of 6)');
    expect(app.frame()).toContain('Backspace take last back');
    await app.press(keys.enter);
    await app.untilShows('1 counted · 6 people · the room split on 1');
    // Autosave runs after the frame; wait for the save that carries the count.
    for (let waited = 0; waited < 4_000 && !app.saveSession.mock.lastCall?.[0].responses; waited += 20) await sleep(20);
    const saved = app.saveSession.mock.lastCall?.[0];
    expect(saved?.version).toBe(2);
    expect(saved?.room).toEqual({ people: 6 });
    // The first question the engine chose, counted 2 against 2.
    expect(Object.values(saved?.responses ?? {}).map((response) => response.tally)).toEqual([{ yes: 2, no: 2, partly: 0, unsure: 0 }]);
  }, 15_000);

  it('the results say where the team disagrees, and v opens the vote', async () => {
    let state = roomInterview();
    state = key(typed(state, 'nnnyyy'), '', { return: true });
    state = key(state, 'd');
    const app = await open(state);
    await app.untilShows('Where the team disagrees');
    expect(app.frame()).toContain('yes 3 · no 3');
    expect(app.frame()).toContain('v vote');
    await app.press('v');
    await app.untilShows('The vote: 0 of 18 dots placed (3 each for 6 people)');
    await app.press('+');
    await app.untilShows('The vote: 1 of 18 dots placed');
    await app.untilShows('The team chose');
  }, 15_000);
});

describe('the vote in a narrow window', () => {
  it('at 40 columns the dots give way so each cause keeps a readable title', () => {
    let state = roomInterview();
    state = key(typed(state, 'nnnnnn'), '', { return: true });
    state = key(key(state, 'd'), 'v');
    const diagnosis = diagnose(env.index, toSession(state)!);
    const { lastFrame } = render(<RoomVote state={state} env={env} diagnosis={diagnosis} columns={38} rows={14} />);
    const title = diagnosis.ranking[0]!.title;
    expect(lastFrame()).toContain(title.length <= 20 ? title : title.slice(0, 19));
  });
});
