import { problemAnswer } from '../../src/engine/parse-session.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeSession } from '../../src/cli/session-store.js';
import { diagnose } from '../../src/engine/diagnose.js';
import { parseSession } from '../../src/engine/parse-session.js';
import { keyHints } from '../../src/ui/key-hints.js';
import { createUiEnv, currentQuestion, planCoverage, ranking, type UiEnv } from '../../src/ui/selectors.js';
import { initialState, resumeFrom, toSession, type State } from '../../src/ui/state.js';
import { liveRanking } from '../../src/ui/room/room-selectors.js';
import { newRoom } from '../../src/ui/room/room-state.js';
import { bundledIndex } from '../support/bundled-knowledge.js';
import { keyDriver } from '../support/ui-keys.js';

let env: UiEnv;
beforeAll(async () => {
  env = createUiEnv(await bundledIndex());
});

const { press, typeText, enter } = keyDriver(() => env);
const hands = (state: State, keys: string) => [...keys].reduce((current, key) => press(current, key), state);
const footer = (state: State) => keyHints(state, { hasQuestion: Boolean(currentQuestion(state, env).question) }).map(([key, label]) => `${key} ${label}`);

/** Welcome (Tab for room mode), 6 people, metrics, then the "afraid to deploy" symptom, following the footer. */
function roomAtInterview(metrics: string[] = ['monthly']): State {
  let state = initialState({ date: '2026-11-21' });
  expect(footer(state)).toContain('Tab room mode (show of hands)');
  state = press(state, '', { tab: true });
  state = enter(typeText(state, 'Payments'));
  expect(footer(state)).toContain('type number of people');
  state = enter(typeText(state, '6'));
  metrics.forEach((value, position) => {
    state = typeText(state, value);
    if (position < metrics.length - 1) state = press(state, '', { downArrow: true });
  });
  state = enter(state);
  expect(state.screen).toBe('picker');
  state = enter(typeText(state, 'afraid to deploy'));
  expect(state.screen).toBe('interview');
  return state;
}

describe('facilitator mode', () => {
  it('asks the number of people once and refuses fewer than 2', () => {
    let state = press(initialState({ date: '2026-11-21' }), '', { tab: true });
    state = enter(typeText(enter(state), '1'));
    expect(state.notice).toContain('at least 2 people');
    expect(state.screen).toBe('welcome');
    expect(enter(typeText(press(state, '', { backspace: true }), '8')).room?.people).toBe(8);
  });

  it('a metric in the wrong unit is named and the welcome screen stays', () => {
    let state = press(initialState({ date: '2026-11-21' }), '', { tab: true });
    state = enter(typeText(enter(state), '5'));
    state = enter(typeText(press(state, '', { downArrow: true }), '15%'));
    expect(state.screen).toBe('welcome');
    expect(state.notice).toMatch(/^lead time for changes: must be a duration/);
  });

  it('y n p u add a hand, Backspace takes the last back, Enter records the tally and moves on', () => {
    let state = roomAtInterview();
    const first = currentQuestion(state, env).question!.id;
    expect(footer(state)).toEqual(expect.arrayContaining(['y n p u add a hand', 'Backspace take last back']));
    state = hands(state, 'nnnyu');
    expect(state.room!.pending).toEqual(['no', 'no', 'no', 'yes', 'unsure']);
    state = press(state, '', { backspace: true });
    expect(state.room!.pending).toEqual(['no', 'no', 'no', 'yes']);
    state = hands(state, 'nnn'); // the 7th hand in a room of 6 is refused
    expect(state.notice).toContain('All 6 people are counted');
    state = enter(state);
    expect(state.room!.tallies[first]).toEqual({ yes: 1, no: 5, partly: 0, unsure: 0 });
    expect(currentQuestion(state, env).question!.id).not.toBe(first);
    // Backspace with no hands up reopens the last question with its hands, minus one.
    state = press(state, '', { backspace: true });
    expect(currentQuestion(state, env).question!.id).toBe(first);
    expect(state.room!.pending).toHaveLength(5);
    expect(state.room!.tallies[first]).toBeUndefined();
  });

  it('the live ranking moves with the hands, less for a split room than a unanimous one', () => {
    const state = roomAtInterview();
    const question = currentQuestion(state, env).question!.id;
    const top = (current: State) => liveRanking(current, env, question).find((cause) => cause.id === 'manual-deployments')!.confidence;
    // Hands for the answer that signals manual deployments, and for the other one.
    const problem = problemAnswer(env.index, question) === 'yes' ? 'y' : 'n';
    const healthy = problem === 'y' ? 'n' : 'y';
    const before = top(state);
    const split = top(hands(state, problem.repeat(3) + healthy.repeat(3)));
    const unanimous = top(hands(state, problem.repeat(6)));
    expect(split).toBeCloseTo(before, 10);
    expect(unanimous).toBeGreaterThan(before);
    // Once recorded, the ranking the results use is the same as the live one.
    const mostly = problem.repeat(5) + healthy;
    const recorded = enter(hands(state, mostly));
    expect(ranking(recorded, env).find((cause) => cause.id === 'manual-deployments')!.confidence).toBeCloseTo(
      liveRanking(hands(state, mostly), env, question).find((cause) => cause.id === 'manual-deployments')!.confidence,
      10,
    );
  });

  it('the vote: v, dots within 3 per person, and the plan follows it', () => {
    let state = enter(hands(roomAtInterview(), 'nnnnnn'));
    state = press(state, 'd');
    expect(state.screen).toBe('results');
    state = press(state, 'v');
    expect(footer(state)).toEqual(['↑↓ cause', '+ add a dot', '- take one off', 'Enter done voting']);
    const causes = ranking(state, env);
    state = press(state, '', { downArrow: true });
    state = [...'++++'].reduce((current, key) => press(current, key), state);
    state = press(state, '-');
    expect(state.room!.votes).toEqual({ [causes[1]!.id]: 3 });
    state = [...Array(20)].reduce((current) => press(current, '+'), state);
    expect(state.room!.votes[causes[1]!.id]).toBe(18);
    expect(state.notice).toContain('All 18 dots are placed');
    state = enter(state);
    expect(state.room!.voting).toBe(false);
    const session = toSession(state)!;
    expect(session.votes).toEqual({ tally: { [causes[1]!.id]: 18 } });
    expect(diagnose(env.index, session).room?.vote?.chosenFirst).toBe(causes[1]!.id);
  });

  it('a cause the room voted for is in the plan on the results screen too: p does not claim to add it', () => {
    const start = roomAtInterview();
    // The whole room gives the answer that signals a problem, so one cause is confident and others are not.
    const problem = problemAnswer(env.index, currentQuestion(start, env).question!.id) === 'yes' ? 'y' : 'n';
    let state = press(enter(hands(start, problem.repeat(6))), 'd');
    const causes = ranking(state, env);
    const weak = causes.findIndex((cause) => cause.confidence < 0.5);
    expect(weak).toBeGreaterThan(0);
    state = press(state, 'v');
    state = [...Array(weak)].reduce((current) => press(current, '', { downArrow: true }), state);
    state = enter(press(state, '+'));
    expect(diagnose(env.index, toSession(state)!).plan.items.map((item) => item.antiPattern)).toContain(causes[weak]!.id);
    expect(planCoverage(state, env).get(causes[weak]!.id)).toBe('planned');
    const pressed = press(state, 'p');
    expect(pressed.addToPlan).toEqual([]);
    expect(pressed.notice).toContain('already in the plan');
  });

  it('--room offered a one-voice session: continuing it stays one voice, never a room of 0 that counts no hands', () => {
    const saved = { version: 1 as const, team: 'Ops', date: '2026-11-20', symptoms: ['fear-of-deploying'], answers: { 'deploy-automated': 'no' as const } };
    const prompt = { ...initialState({ date: '2026-11-21', resumable: saved }), room: newRoom() };
    const resumed = enter(prompt);
    expect(resumed.screen).toBe('interview');
    expect(resumed.room).toBeUndefined();
    expect(resumed.notice).toContain('one voice');
    expect(press(resumed, 'n').answers[currentQuestion(resumed, env).question!.id]).toBe('no');
  });

  it('autosaves as a version 2 answers file that reads back into the same room', () => {
    let state = roomAtInterview(['2 per week', '3 days']);
    state = enter(hands(state, 'nnnyyu'));
    const session = toSession(state)!;
    const text = serializeSession(session);
    expect(text).toContain('version: 2');
    expect(text).toContain('room: {"people":6}');
    expect(text).toContain('metrics: {"deploymentFrequency":"2 per week","leadTime":"3 days"}');
    const read = parseSession('session.yaml', text, env.index);
    expect(read.problems).toEqual([]);
    const resumed = resumeFrom(initialState({ date: '2026-11-22' }), read.session!);
    expect(resumed.room?.people).toBe(6);
    expect(resumed.room?.tallies).toEqual(state.room!.tallies);
    expect(toSession(resumed)).toEqual({ ...session, resume: undefined, ...(session.resume ? { resume: session.resume } : {}) });
  });

  it('Tab on the welcome screen switches room mode off again; one voice is unchanged', () => {
    const state = press(press(initialState({ date: '2026-11-21' }), '', { tab: true }), '', { tab: true });
    expect(state.room).toBeUndefined();
    expect(enter(state).screen).toBe('picker');
  });
});

describe('delivery metrics for one voice', () => {
  it('Down on the welcome screen opens the metrics; they are saved as version 2 and reach the report', () => {
    let state = initialState({ date: '2026-11-21' });
    expect(footer(state)).toContain('↓ delivery metrics (optional)');
    state = press(typeText(state, 'Payments'), '', { downArrow: true });
    expect(footer(state)).toEqual(['↑↓ metric', 'type value (optional)', 'Enter continue', 'Esc back']);
    state = typeText(state, 'monthly');
    state = enter(state);
    expect(state.screen).toBe('picker');
    state = press(enter(typeText(state, 'afraid to deploy')), 'n');
    const session = toSession(state)!;
    expect(session.version).toBe(2);
    expect(session.metrics).toEqual({ deploymentFrequency: 'monthly' });
    const read = parseSession('session.yaml', serializeSession(session), env.index);
    expect(read.session?.metrics).toEqual({ deploymentFrequency: 'monthly' });
    expect(resumeFrom(initialState({ date: '2026-11-22' }), read.session!).metrics).toEqual({ deploymentFrequency: 'monthly' });
  });

  it('without metrics one voice is still saved as version 1', () => {
    let state = enter(typeText(initialState({ date: '2026-11-21' }), 'Payments'));
    state = press(enter(typeText(state, 'afraid to deploy')), 'n');
    expect(toSession(state)!.version).toBe(1);
  });
});
