import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeSession } from '../../src/cli/session-store.js';
import { diagnose } from '../../src/engine/diagnose.js';
import { parseSession } from '../../src/engine/parse-session.js';
import { renderCsvReport } from '../../src/report/csv-report.js';
import { toJsonReport } from '../../src/report/json-report.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { inputFocus } from '../../src/ui/reducer.js';
import { keyHints } from '../../src/ui/key-hints.js';
import { createUiEnv, currentQuestion, planCoverage, ranking, selectedFixSteps, type UiEnv } from '../../src/ui/selectors.js';
import { initialState, resumeFrom, toSession, type State } from '../../src/ui/state.js';
import { bundledIndex } from '../support/bundled-knowledge.js';
import { keyDriver } from '../support/ui-keys.js';

const date = '2026-12-02';
let env: UiEnv;
beforeAll(async () => {
  env = createUiEnv(await bundledIndex());
});

const { press, typeText, enter } = keyDriver(() => env);

/** Through the app as the footer says: a team name, one symptom, "no" to every question, results. */
function atResults(): State {
  let state = enter(typeText(enter(typeText(initialState({ date }), 'Payments')), 'afraid to deploy'));
  for (let guard = 0; guard < 30 && currentQuestion(state, env).question; guard++) state = press(state, 'n');
  state = press(state, 'd');
  expect(state.screen).toBe('results');
  return state;
}

const space = (state: State) => press(state, ' ');
const down = (state: State) => press(state, '', { downArrow: true });
/** The plan the reports are made from, for the state as the app would save it. */
const reportPlan = (state: State) => diagnose(env.index, toSession(state)!).plan;

describe('ticking fix steps done on the results screen', () => {
  it('t opens the selected cause\'s steps; Space ticks the step under the cursor and Space again unticks it', () => {
    let state = press(atResults(), 't');
    expect(inputFocus(state)).toBe('results:steps');
    expect(state.results.steps).toEqual({ selected: 0 });
    const cause = ranking(state, env)[0]!;
    const planned = reportPlan(state).items.find((item) => item.antiPattern === cause.id)!;
    expect(selectedFixSteps(state, env).map((step) => step.id)).toEqual(planned.steps.map((step) => step.duplicateOf ?? step.id));

    state = space(down(state));
    const second = planned.steps[1]!.id;
    expect(state.done).toEqual([second]);
    expect(toSession(state)?.done).toEqual([second]);
    expect(state.notice).toBe(`Marked done: ${planned.steps[1]!.title}`);
    expect(selectedFixSteps(state, env)[1]?.done).toBe(true);

    state = space(state);
    expect(state.done).toEqual([]);
    // Nothing ticked: the answers file has no done list at all, as before any tick.
    expect(toSession(state)).not.toHaveProperty('done');
    expect(state.notice).toBe(`Marked not done: ${planned.steps[1]!.title}`);
  });

  it('x ticks too; the cursor stays within the steps; Esc closes the steps and stays on the results', () => {
    let state = press(atResults(), 't');
    const count = selectedFixSteps(state, env).length;
    for (let step = 0; step < count + 3; step++) state = down(state);
    expect(state.results.steps?.selected).toBe(count - 1);
    state = press(state, 'x');
    expect(state.done).toEqual([selectedFixSteps(state, env).at(-1)!.id]);
    state = press(state, '', { upArrow: true });
    expect(state.results.steps?.selected).toBe(count - 2);
    // The steps pane takes the keys: q does not quit and arrows do not change the cause.
    expect(press(state, 'q').exit).toBeUndefined();
    expect(state.results.selected).toBe(0);
    state = press(state, '', { escape: true });
    expect(state.results.steps).toBeUndefined();
    expect(state.screen).toBe('results');
    expect(state.done).toHaveLength(1);
  });

  it('the footer says what Space does to the step under the cursor', () => {
    let state = press(atResults(), 't');
    expect(keyHints(state, { hasQuestion: false, stepDone: false })).toContainEqual(['Space', 'mark done']);
    state = space(state);
    expect(keyHints(state, { hasQuestion: false, stepDone: true })).toContainEqual(['Space', 'mark not done']);
    expect(keyHints(atResults(), { hasQuestion: false })).toContainEqual(['t', 'tick steps done']);
  });

  it('ticks on different causes add up, and the reports tick exactly those steps', () => {
    let state = space(press(atResults(), 't'));
    state = press(state, '', { escape: true });
    state = space(press(down(state), 't'));
    const [first, second] = state.done;
    expect(state.done).toHaveLength(2);
    expect(first!.split('/')[0]).toBe(ranking(state, env)[0]!.id);
    expect(second!.split('/')[0]).toBe(ranking(state, env)[1]!.id);

    const diagnosis = diagnose(env.index, toSession(state)!);
    const markdown = renderMarkdownReport(diagnosis, env.index);
    for (const id of state.done) expect(markdown).toMatch(new RegExp(`\\(done\\)\\*\\* \\(step \`${id}\`\\)`));
    expect(markdown).toContain(`**Progress:** 2 of ${diagnosis.plan.timeline.length} steps done`);
    expect(toJsonReport(diagnosis, env.index).done).toEqual(state.done);
    const rows = parse(renderCsvReport(diagnosis, env.index), { columns: true }) as Record<string, string>[];
    expect(rows.filter((row) => row.Done === 'yes').map((row) => row['Step id'])).toEqual(diagnosis.plan.timeline.map((step) => step.id).filter((id) => state.done.includes(id)));
  });

  it('a cause outside the plan can have its steps ticked too, under the knowledge\'s step ids', () => {
    let state = atResults();
    const causes = ranking(state, env);
    const outside = causes.findIndex((cause) => planCoverage(state, env).get(cause.id) === 'left-out');
    expect(outside).toBeGreaterThan(0);
    state = { ...state, results: { ...state.results, selected: outside } };
    state = space(press(state, 't'));
    const fix = env.index.antiPatterns.get(causes[outside]!.id)!.fix[0]!;
    expect(state.done).toEqual([`${causes[outside]!.id}/${fix.id}`]);
    const { problems } = parseSession('saved.yaml', serializeSession(toSession(state)!), env.index);
    expect(problems).toEqual([]);
  });

  it('work the plan lists once for two causes is ticked once, where the plan lists it', () => {
    let state = atResults();
    state = { ...state, addToPlan: ['manual-deployments', 'missing-deployment-pipeline'] };
    const plan = reportPlan(state);
    const item = plan.items.find((candidate) => candidate.steps.some((step) => step.duplicateOf !== null))!;
    const position = item.steps.findIndex((step) => step.duplicateOf !== null);
    const original = item.steps[position]!.duplicateOf!;
    state = { ...state, results: { ...state.results, selected: ranking(state, env).findIndex((cause) => cause.id === item.antiPattern) } };
    state = press(state, 't');
    for (let step = 0; step < position; step++) state = down(state);
    expect(selectedFixSteps(state, env)[position]?.sameWorkAs).toBe(env.index.antiPatterns.get(original.split('/')[0]!)!.title);
    state = space(state);
    expect(state.done).toEqual([original]);
    expect(renderMarkdownReport(diagnose(env.index, toSession(state)!), env.index)).toContain(`(done)** (step \`${original}\`)`);
  });

  it('in a room the steps pane takes v and Space instead of the vote', () => {
    let state = press(initialState({ date }), '', { tab: true });
    state = enter(typeText(state, 'Payments'));
    state = enter(enter(typeText(state, '5')));
    state = enter(typeText(state, 'afraid to deploy'));
    state = press(state, 'd');
    expect(state.screen).toBe('results');
    state = press(state, 't');
    state = press(state, 'v');
    expect(state.room?.voting).toBeFalsy();
    state = space(state);
    expect(state.done).toHaveLength(1);
    expect(state.room?.votes ?? {}).toEqual({});
  });
});

describe('ticks are saved with the session and come back with it', () => {
  it('tick in the app -> answers file -> read back: the same done ids, ticked again on resume', () => {
    let state = space(down(press(atResults(), 't')));
    state = space(press(down(press(state, '', { escape: true })), 't'));
    const saved = serializeSession(toSession(state)!);
    expect(saved).toMatch(/^done: /m);

    const { session, problems } = parseSession('saved.yaml', saved, env.index);
    expect(problems).toEqual([]);
    expect(session?.done).toEqual(state.done);

    const resumed = resumeFrom(initialState({ date }), session!);
    expect(resumed.done).toEqual(state.done);
    expect(resumed.screen).toBe('results');
    const reopened = press({ ...resumed, results: { ...resumed.results, selected: 1 } }, 't');
    expect(selectedFixSteps(reopened, env).filter((step) => step.done).map((step) => step.id)).toEqual([state.done[1]]);
    // Unticking after the resume removes just that step from what is saved next.
    expect(toSession(space(reopened))?.done).toEqual([state.done[0]]);
  });

  it('a hand-written answers file\'s done list survives resuming and saving again', () => {
    const step = 'manual-deployments/write-down-procedure';
    const resumed = resumeFrom(initialState({ date }), { version: 1, symptoms: ['fear-of-deploying'], answers: {}, done: [step] });
    expect(toSession(resumed)?.done).toEqual([step]);
  });
});
