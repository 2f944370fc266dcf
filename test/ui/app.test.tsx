import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import type { Session } from '../../src/engine/session-schema.js';
import { confidenceWord, percent } from '../../src/report/markdown-text.js';
import { App } from '../../src/ui/components/App.js';
import { inputFocus, reduce, type Action, type KeyInfo } from '../../src/ui/reducer.js';
import { currentQuestion, pickerRows, ranking, type UiEnv } from '../../src/ui/selectors.js';
import type { Services } from '../../src/ui/services.js';
import { initialState, type State } from '../../src/ui/state.js';
import { withBundledUiEnv, sleep } from '../support/ink-app.js';

const date = '2025-03-14';
const keys = { down: '\u001B[B', up: '\u001B[A', enter: '\r', esc: '\u001B', tab: '\t', ctrlC: '\u0003', backspace: '\u007F' } as const;
/** Ink renders asynchronously and its tests can run slower in parallel runs. */
const inkTimeout = 15_000;

let env: UiEnv;
withBundledUiEnv((created) => (env = created));


/** One key per write, then a pause so Ink can parse it and render. */
async function press(stdin: { write: (data: string) => void }, key: string): Promise<void> {
  stdin.write(key);
  await sleep(40);
}

async function typeText(stdin: { write: (data: string) => void }, text: string): Promise<void> {
  for (const char of text) await press(stdin, char);
}

/** Polls until the check passes; the error shows the last frame, which is what a failure needs. */
async function waitFor(check: () => boolean, describe: () => string, timeout = 2_000): Promise<void> {
  const until = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting: ${describe()}`);
    await sleep(15);
  }
}

/** Whitespace collapsed, so text wrapped onto several lines (in a single column layout) still matches. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The first words of a text: enough to recognise it even when the rest wraps beside another column. */
const lead = (text: string, words = 4) => text.split(/\s+/).slice(0, words).join(' ');

// Build states with the pure reducer, to open the app on any screen.
const act = (state: State, action: Action) => reduce(state, action, env);
const key = (state: State, input: string, info: KeyInfo = {}) => act(state, { type: 'key', input, key: info, focus: inputFocus(state) });
const pickerState = (team = 'Payments Team') => key([...team].reduce((current, char) => key(current, char), initialState({ date })), '', { return: true });
function interviewState(): State {
  const state = [...'afraid'].reduce((current, char) => key(current, char), pickerState());
  return key(state, '', { return: true });
}
function settledState(): State {
  let state = interviewState();
  for (let guard = 0; guard < 20 && currentQuestion(state, env).question; guard++) state = key(state, 'n');
  return state;
}
const resultsState = () => key(settledState(), '', { return: true });

function fakeServices(writeResults: Awaited<ReturnType<Services['writeExport']>>[] = []) {
  const saveSession = vi.fn<Services['saveSession']>(() => ({ ok: true }));
  const saveSessionAs = vi.fn<Services['saveSessionAs']>(async (path) => ({ outcome: 'written', message: path }));
  const writeExport = vi.fn<Services['writeExport']>(async (path) => writeResults.shift() ?? { outcome: 'written', message: path });
  return { saveSession, saveSessionAs, writeExport };
}

type MountOptions = {
  color?: boolean;
  services?: ReturnType<typeof fakeServices>;
  /** Stands in for marked-terminal in the plan preview. */
  markdown?: (markdown: string, width: number) => string;
};

function mount(initial: State, { color = false, services = fakeServices(), markdown = (text, width) => `PREVIEW width=${width}\n${text}` }: MountOptions = {}) {
  const onExit = vi.fn<(code: number) => void>();
  const renderMarkdown = vi.fn(async (text: string, width: number) => markdown(text, width));
  const instance = render(<App env={env} services={services} initial={initial} color={color} onExit={onExit} renderMarkdown={renderMarkdown} />);
  const frame = () => instance.lastFrame() ?? '';
  const until = async (check: (frame: string) => boolean, what: string) => waitFor(() => check(frame()), () => `${what}\n--- last frame ---\n${frame()}`);
  const untilShows = (text: string) => until((current) => current.includes(text), `"${text}"`);
  return { ...instance, frame, until, untilShows, onExit, services, renderMarkdown };
}

/** Mounts and waits for the first frame and for Ink to start listening to stdin. */
async function open(initial: State, options?: MountOptions) {
  const app = mount(initial, options);
  await app.until((current) => current.length > 0, 'first frame');
  await sleep(30);
  return app;
}

describe('each screen shows what a user needs', () => {
  it(
    'welcome: the introduction and the team name prompt',
    async () => {
      const app = await open(initialState({ date }));
      const frame = flat(app.frame());
      expect(frame).toContain('deploy-doctor · Welcome');
      expect(frame).toContain('Pick the deployment symptoms your team lives with, answer a few yes/no questions');
      expect(frame).toContain('Everything is saved as you go.');
      expect(frame).toContain('Team name (optional):');
      expect(frame).toContain('Enter continue');
      expect(frame).toContain('Esc quit');
    },
    inkTimeout,
  );

  it(
    'picker: the filter, the list by category and a detail pane for the highlighted symptom',
    async () => {
      const state = pickerState();
      const rows = pickerRows(state, env);
      const app = await open(state);
      let frame = app.frame();
      expect(frame).toContain('deploy-doctor · Payments Team · Symptoms');
      expect(frame).toContain('Filter:');
      expect(frame).toContain('0 chosen');
      expect(frame).toContain('Deploying');
      expect(frame).toContain(`› [ ] ${lead(rows[0]!.symptom.title, 4)}`);
      expect(frame).toContain('╭');
      expect(frame).toContain(lead(rows[0]!.symptom.summary, 3));
      expect(frame).toContain('Space choose');
      expect(frame).toContain('Tab browse');
      expect(frame).toContain('Enter choose and continue');

      // Moving the highlight changes the detail pane.
      await press(app.stdin, keys.down);
      await app.untilShows(`› [ ] ${lead(rows[1]!.symptom.title, 4)}`);
      frame = app.frame();
      expect(frame).toContain(lead(rows[1]!.symptom.summary, 3));

      // Typing filters; the pane follows the best match.
      await typeText(app.stdin, 'afraid');
      await app.untilShows('Filter: afraid');
      frame = app.frame();
      expect(frame).toContain('› [ ] Afraid to ship: deploys feel too risky');
      expect(frame).toContain('Deploying feels dangerous');
      expect(frame).toContain('Esc clear');
      // While typing, the footer says what Space does now: it separates words, twice it chooses.
      expect(frame).toContain('Space next word (twice: choose)');
    },
    inkTimeout,
  );

  it(
    'interview: the question, the progress and the "Most likely causes" panel',
    async () => {
      const state = interviewState();
      const question = currentQuestion(state, env).question!;
      const top = ranking(state, env)[0]!;
      const app = await open(state);
      const frame = app.frame();
      expect(frame).toContain('Questions');
      expect(frame).toContain('Question 1: 0 answered');
      expect(frame).toContain(lead(question.text));
      expect(frame).toContain('y yes   n no   p partly   u unsure');
      expect(frame).toContain('Most likely causes');
      expect(frame).toContain(`${top.title}`);
      // Before any answer the panel says "likely" or "possible", not a precise-looking percentage.
      expect(frame).toContain(confidenceWord(top.confidence));
      expect(frame).toContain('? why');
      expect(frame).toContain('a ask everything');

      // ? shows why the question is asked.
      await press(app.stdin, '?');
      await app.untilShows('This tests:');
      expect(flat(app.frame())).toContain(lead(question.help, 3));
    },
    inkTimeout,
  );

  it(
    'results: the summary and the ranked causes with percentages',
    async () => {
      const state = resultsState();
      const causes = ranking(state, env);
      const app = await open(state);
      const frame = app.frame();
      expect(flat(frame)).toMatch(/Based on 1 symptom and \d+ answers, the most likely cause is /);
      causes.slice(0, 4).forEach((cause, position) => {
        expect(frame).toMatch(new RegExp(`${position + 1}\\. [█░]+ +${percent(cause.confidence)} [✓+ ] ${cause.title}`));
      });
      expect(frame).toContain(`› 1.`);
      expect(frame).toContain('Enter details');
      expect(frame).toContain('e export Markdown');
      expect(frame).not.toContain('Why we think so');

      // The preview renders the report through the injected renderer.
      await press(app.stdin, 'm');
      await app.untilShows('PREVIEW width=');
      expect(app.frame()).toContain('# Deployment diagnosis for Payments Team (2025-03-14)');
      expect(app.frame()).toMatch(/lines 1-\d+ of \d+/);
      expect(app.renderMarkdown).toHaveBeenCalledTimes(1);
    },
    inkTimeout,
  );

  it(
    'export: the dialog with the default file name',
    async () => {
      const app = await open(key(resultsState(), 'e'));
      const frame = app.frame();
      expect(frame).toContain('Export the Markdown plan');
      expect(frame).toContain(`File: deploy-doctor-payments-team-${date}.md`);
      expect(frame).toContain('Enter write');
      expect(frame).toContain('Esc cancel');
    },
    inkTimeout,
  );
});

describe('a whole diagnosis with the keyboard', () => {
  it(
    'from the team name to an exported Markdown plan',
    async () => {
      const app = await open(initialState({ date }));
      const { stdin } = app;
      const lastSaved = () => app.services.saveSession.mock.lastCall?.[0];

      await typeText(stdin, 'Payments');
      await app.untilShows('Team name (optional): Payments');
      await press(stdin, keys.enter);
      await app.untilShows('deploy-doctor · Payments · Symptoms');

      // As the footer says: type, Space (a word break), Space again chooses.
      await typeText(stdin, 'afraid');
      await app.untilShows('Filter: afraid');
      await press(stdin, ' ');
      await app.untilShows('Space choose');
      await press(stdin, ' ');
      await app.untilShows('1 chosen');
      expect(app.frame()).toContain('› [x] Afraid to ship: deploys feel too risky');
      await press(stdin, keys.enter);
      await app.untilShows('Most likely causes');

      // Two answers, then back: the second question is asked again.
      await app.untilShows('Question 1: 0 answered');
      await press(stdin, 'n');
      await app.untilShows('Question 2: 1 answered');
      await press(stdin, 'n');
      await app.untilShows('Question 3: 2 answered');
      // Autosave runs as an effect after the frame is drawn.
      await waitFor(
        () => Object.keys(lastSaved()?.answers ?? {}).length === 2,
        () => JSON.stringify(lastSaved()),
      );
      const both = Object.keys(lastSaved()!.answers);
      await press(stdin, 'b');
      await app.untilShows('Question 2 (asked again: you had answered no)');
      await waitFor(
        () => Object.keys(lastSaved()?.answers ?? {}).length === 1,
        () => JSON.stringify(lastSaved()),
      );
      const [first] = Object.keys(lastSaved()!.answers);
      const second = both.find((id) => id !== first);
      expect(app.frame()).toContain(lead(env.index.questions.get(second!)!.text));
      await waitFor(
        () => Object.keys(lastSaved()?.answers ?? {}).length === 1,
        () => JSON.stringify(lastSaved()),
      );
      expect(lastSaved()!.answers).toEqual({ [first!]: 'no' });
      await press(stdin, 'y');
      await app.untilShows('Question 3: 2 answered');
      await waitFor(
        () => lastSaved()?.answers[second!] === 'yes',
        () => JSON.stringify(lastSaved()),
      );
      expect(lastSaved()!.answers).toEqual({ [first!]: 'no', [second!]: 'yes' });

      for (let guard = 0; guard < 15 && !app.frame().includes('Press Enter to see the results'); guard++) {
        await press(stdin, 'n');
      }
      await app.untilShows('Press Enter to see the results');
      await press(stdin, keys.enter);
      await app.untilShows('deploy-doctor · Payments · Results');

      await press(stdin, keys.enter);
      await app.untilShows('Why we think so');
      expect(app.frame()).toContain('You reported "Afraid to ship: deploys feel too risky"');
      // The fix steps follow the evidence; a long trail pushes them below the fold, where m shows them.
      expect(app.frame()).toMatch(/Fix steps|more lines \(m: the whole plan\)/);

      await press(stdin, 'e');
      const path = `deploy-doctor-payments-${date}.md`;
      await app.untilShows(`File: ${path}`);
      await press(stdin, keys.enter);
      await waitFor(
        () => app.services.writeExport.mock.calls.length > 0,
        () => app.frame(),
      );
      const [writtenPath, content, overwrite] = app.services.writeExport.mock.calls[0]!;
      expect(writtenPath).toBe(path);
      expect(content.startsWith('# Deployment diagnosis')).toBe(true);
      expect(content.split('\n')[0]).toBe(`# Deployment diagnosis for Payments (${date})`);
      expect(overwrite).toBe(false);
      await app.untilShows(`Wrote ${path}`);
      expect(app.services.writeExport).toHaveBeenCalledTimes(1);

      await press(stdin, 'x');
      await app.untilShows('Results');
      expect(app.frame()).not.toContain('Export the');
      await press(stdin, 'q');
      await waitFor(
        () => app.onExit.mock.calls.length > 0,
        () => app.frame(),
      );
      expect(app.onExit).toHaveBeenCalledWith(0);
      expect(app.onExit).toHaveBeenCalledTimes(1);
    },
    inkTimeout,
  );

  it(
    'an existing file is only replaced after y',
    async () => {
      const services = fakeServices([{ outcome: 'exists', message: 'plan.md already exists.' }]);
      const app = await open(key(resultsState(), 'e'), { services });
      await app.untilShows('File: ');
      await press(app.stdin, keys.enter);
      await app.untilShows('plan.md already exists. Overwrite it? (y/n)');
      expect(app.frame()).toContain('y overwrite');
      expect(services.writeExport.mock.calls[0]?.[2]).toBe(false);
      await press(app.stdin, 'y');
      await app.untilShows(`Wrote deploy-doctor-payments-team-${date}.md`);
      expect(services.writeExport).toHaveBeenCalledTimes(2);
      expect(services.writeExport.mock.calls[1]?.[0]).toBe(`deploy-doctor-payments-team-${date}.md`);
      expect(services.writeExport.mock.calls[1]?.[2]).toBe(true);
    },
    inkTimeout,
  );

  it(
    'j exports the JSON report',
    async () => {
      const services = fakeServices();
      const app = await open(resultsState(), { services });
      await press(app.stdin, 'j');
      await app.untilShows(`File: deploy-doctor-payments-team-${date}.json`);
      await press(app.stdin, keys.enter);
      await app.untilShows('Wrote ');
      const content = services.writeExport.mock.calls[0]![1];
      expect(JSON.parse(content)).toMatchObject({ format: 'deploy-doctor-report', team: 'Payments Team', date });
    },
    inkTimeout,
  );
});

describe('terminal conditions and side effects', () => {
  it(
    'a 40-column terminal still shows the question and the footer',
    async () => {
      const state = interviewState();
      const question = currentQuestion(state, env).question!;
      const app = await open(state);
      Object.defineProperty(app.stdout, 'columns', { value: 40, configurable: true });
      app.stdout.emit('resize');
      // Ink first lays the old frame out again at the new width, then React draws the narrow layout.
      await app.until((frame) => frame.split('\n').every((line) => line.length <= 40) && flat(frame).includes(flat(question.text)), 'the narrow layout');
      const frame = app.frame();
      expect(frame).toContain('Most likely causes');
      expect(flat(frame)).toContain('y yes');
      expect(flat(frame)).toContain('q quit');

      // Still usable: answering moves on at this width too.
      await press(app.stdin, 'n');
      await app.untilShows('Question 2: 1 answered');
      expect(app.frame().split('\n').every((line) => line.length <= 40)).toBe(true);
    },
    inkTimeout,
  );

  it(
    'a 40-column terminal shows the picker and results without overflowing',
    async () => {
      for (const state of [pickerState(), resultsState()]) {
        const app = await open(state);
        Object.defineProperty(app.stdout, 'columns', { value: 40, configurable: true });
        app.stdout.emit('resize');
        await app.until((frame) => frame.split('\n').every((line) => line.length <= 40), 'every line within 40 columns');
        expect(flat(app.frame())).toContain(state.screen === 'picker' ? 'Space choose' : 'Enter details');
        expect(flat(app.frame())).toContain(state.screen === 'picker' ? 'Esc back' : 'q quit');
        app.unmount();
      }
    },
    inkTimeout,
  );

  it(
    'color={false} renders no colour codes even where the terminal supports colour',
    async () => {
      const colourCode = /\u001B\[(?:3\d|4\d|9[0-7]|10[0-7])[;m]/;
      const previous = chalk.level;
      chalk.level = 1;
      try {
        const exported = act(key(key(resultsState(), 'e'), '', { return: true }), { type: 'export-finished', outcome: 'written', message: 'x.md' });
        const expanded = key(resultsState(), '', { return: true });
        for (const state of [initialState({ date }), pickerState(), interviewState(), expanded, exported]) {
          const plain = await open(state, { color: false });
          expect(plain.frame(), state.screen).not.toMatch(colourCode);
          plain.unmount();
        }
        // The check can fail: with colour on, the same screens are coloured.
        const coloured = await open(interviewState(), { color: true });
        expect(coloured.frame()).toMatch(colourCode);
      } finally {
        chalk.level = previous;
      }
    },
    inkTimeout,
  );

  it(
    'autosaves after choosing a symptom and after each answer',
    async () => {
      const app = await open(pickerState('Ops'));
      const saved = () => app.services.saveSession.mock.calls.map(([session, resumed]) => ({ answers: session.answers, resumed }));
      expect(app.services.saveSession).not.toHaveBeenCalled();

      await typeText(app.stdin, 'afraid');
      await press(app.stdin, keys.down);
      expect(app.services.saveSession).not.toHaveBeenCalled();
      await press(app.stdin, ' ');
      await waitFor(
        () => app.services.saveSession.mock.calls.length === 1,
        () => app.frame(),
      );
      expect(app.services.saveSession).toHaveBeenLastCalledWith({ version: 1, team: 'Ops', date, symptoms: ['fear-of-deploying'], answers: {}, resume: { screen: 'picker' } }, false);

      await press(app.stdin, keys.enter);
      await app.untilShows('Question 1:');
      const state = key(key(interviewState(), 'n'), 'p');
      const [first, second] = state.interview.order;
      await press(app.stdin, 'n');
      await app.untilShows('Question 2:');
      await press(app.stdin, 'p');
      await app.untilShows('Question 3:');
      await press(app.stdin, 'b');
      await app.untilShows('asked again');
      await waitFor(
        () => saved().length === 5,
        () => JSON.stringify(saved()),
      );
      expect(saved()).toEqual([
        { answers: {}, resumed: false },
        // Moving on to the questions is saved too, so --resume returns there.
        { answers: {}, resumed: false },
        { answers: { [first!]: 'no' }, resumed: false },
        { answers: { [first!]: 'no', [second!]: 'partly' }, resumed: false },
        { answers: { [first!]: 'no' }, resumed: false },
      ]);
    },
    inkTimeout,
  );

  it(
    'resume: the prompt, then Enter continues the interview with the saved answers',
    async () => {
      const resumable: Session = { version: 1, team: 'Ops', date: '2025-01-02', symptoms: ['fear-of-deploying'], answers: { 'deploy-automated': 'no' } };
      const app = await open(initialState({ date, resumable }));
      expect(flat(app.frame())).toContain('An unfinished diagnosis for Ops from 2025-01-02 is saved');
      expect(app.frame()).toContain('Enter resume');
      expect(app.frame()).not.toContain('Team name');

      const expected = currentQuestion(resumeState(resumable), env).question!;
      await press(app.stdin, keys.enter);
      await app.untilShows('deploy-doctor · Ops · Questions');
      expect(app.frame()).toContain('Question 2: 1 answered');
      expect(app.frame()).toContain(lead(expected.text));
      expect(expected.id).not.toBe('deploy-automated');
      await waitFor(
        () => app.services.saveSession.mock.calls.length > 0,
        () => app.frame(),
      );
      expect(app.services.saveSession).toHaveBeenLastCalledWith({ ...resumable, resume: { screen: 'interview' } }, true);

      // Answering keeps saving into the resumed session.
      await press(app.stdin, 'y');
      await app.untilShows('Question 3: 2 answered');
      await waitFor(
        () => Object.keys(app.services.saveSession.mock.lastCall?.[0].answers ?? {}).length === 2,
        () => app.frame(),
      );
      expect(app.services.saveSession).toHaveBeenLastCalledWith({ ...resumable, answers: { 'deploy-automated': 'no', [expected.id]: 'yes' }, resume: { screen: 'interview' } }, true);
    },
    inkTimeout,
  );

  it(
    'resume: n starts a new diagnosis with the team prompt',
    async () => {
      const resumable: Session = { version: 1, date: '2025-01-02', symptoms: ['fear-of-deploying'], answers: {} };
      const app = await open(initialState({ date, resumable }));
      await press(app.stdin, 'n');
      await app.untilShows('Team name (optional):');
      expect(app.services.saveSession).not.toHaveBeenCalled();
    },
    inkTimeout,
  );

  it(
    'Ctrl-C exits with 130; Esc goes back one level, and from the welcome screen exits with 0',
    async () => {
      const interrupted = await open(interviewState());
      await press(interrupted.stdin, keys.ctrlC);
      await waitFor(
        () => interrupted.onExit.mock.calls.length > 0,
        () => interrupted.frame(),
      );
      expect(interrupted.onExit).toHaveBeenCalledWith(130);

      const welcome = await open(initialState({ date }));
      await press(welcome.stdin, keys.ctrlC);
      await waitFor(
        () => welcome.onExit.mock.calls.length > 0,
        () => welcome.frame(),
      );
      expect(welcome.onExit).toHaveBeenCalledWith(130);

      const picker = await open(pickerState());
      await typeText(picker.stdin, 'ab');
      await press(picker.stdin, keys.backspace);
      await picker.untilShows('Filter: a ');
      await press(picker.stdin, keys.esc);
      await picker.untilShows('Esc back');
      await press(picker.stdin, keys.esc);
      await picker.untilShows('Team name (optional): Payments Team');
      expect(picker.onExit).not.toHaveBeenCalled();
      await press(picker.stdin, keys.esc);
      await waitFor(
        () => picker.onExit.mock.calls.length > 0,
        () => picker.frame(),
      );
      expect(picker.onExit).toHaveBeenCalledWith(0);
    },
    inkTimeout,
  );

  it(
    'Tab browses by category in the app',
    async () => {
      const app = await open(pickerState());
      await typeText(app.stdin, 'afr');
      await press(app.stdin, keys.tab);
      await app.untilShows('Browse by category');
      expect(app.frame()).toContain('←→ category');
      expect(app.frame()).toContain('Tab type to filter');
      await press(app.stdin, keys.tab);
      await app.untilShows('Tab browse');
    },
    inkTimeout,
  );
});

function resumeState(session: Session): State {
  return key(initialState({ date, resumable: session }), '', { return: true });
}

/** Opens the app on a terminal of the given size. */
async function openSized(initial: State, columns: number, rows: number, options?: MountOptions) {
  const app = await open(initial, options);
  Object.defineProperty(app.stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(app.stdout, 'rows', { value: rows, configurable: true });
  app.stdout.emit('resize');
  await app.until((frame) => frame.split('\n').every((line) => line.length <= columns), `every line within ${columns} columns`);
  await sleep(40);
  return app;
}

/** A rendered plan of short lines, as marked-terminal gives when it reflows to the width. */
const shortLines = (count: number) => () => Array.from({ length: count }, (_, line) => `plan line ${line + 1}`).join('\n');

// Bugs found while writing these tests: each of these fails until the bug is fixed.
describe('bugs', () => {
  const sizes = [
    [40, 20],
    [80, 24],
    [100, 24],
    [100, 30],
    [120, 30],
  ] as const;
  const screens: [string, () => State][] = [
    ['picker', () => pickerState()],
    ['interview', () => key(interviewState(), '?')],
    ['results', () => resultsState()],
    ['results with details', () => key(resultsState(), '', { return: true })],
    ['plan preview', () => key(resultsState(), 'm')],
    ['welcome', () => initialState({ date })],
    ['notes being written', () => key({ ...resultsState(), notes: ['one', 'two', 'three'] }, 'n')],
    ['a note being written', () => key(resultsState(), 'n')],
    ['export', () => key(resultsState(), 'e')],
  ];

  // Ink clears the whole terminal on every render once its output is taller than the terminal,
  // and the top of the screen (the header, the filter with what was typed) scrolls out of view.
  it.each(screens)(
    '%s fits the terminal height at 40x20, 80x24, 100x24, 100x30 and 120x30',
    async (_name, state) => {
      const overflows: string[] = [];
      for (const [columns, rows] of sizes) {
        const app = await openSized(state(), columns, rows, { markdown: shortLines(100) });
        if (state().results.preview) await app.untilShows('lines 1-');
        const height = app.frame().split('\n').length;
        if (height > rows) overflows.push(`${columns}x${rows}: ${height} lines`);
        app.unmount();
      }
      expect(overflows).toEqual([]);
    },
    inkTimeout,
  );

  it(
    'scrolling the preview past its end does not make the next up-arrow do nothing',
    async () => {
      const app = await open(resultsState(), { markdown: shortLines(30) });
      await press(app.stdin, 'm');
      await app.untilShows('lines 1-');
      const window = () => {
        const match = /lines (\d+)-(\d+) of 30/.exec(app.frame());
        return match ? ([Number(match[1]), Number(match[2])] as const) : ([0, 0] as const);
      };
      const height = window()[1];
      await press(app.stdin, '\u001B[6~'); // Page Down
      await press(app.stdin, '\u001B[6~');
      await press(app.stdin, '\u001B[6~');
      await app.untilShows(`lines ${31 - height}-30 of 30`);
      await press(app.stdin, keys.up);
      await app.untilShows(`lines ${30 - height}-29 of 30`);
    },
    inkTimeout,
  );
});

describe('the app as people use it (issue 13)', () => {
  it(
    'keys that arrive in one read are applied one by one: no DEL characters reach the name or the filter (item 2)',
    async () => {
      const app = await open(initialState({ date }));
      const plain = () => app.frame().replace(/\u001B\[[0-9;]*m/g, '');
      app.stdin.write('Teamxyz');
      await app.untilShows('Team name (optional): Teamxyz');
      app.stdin.write('\u007F\u007F\u007F');
      await app.until(() => /Team name \(optional\): Team\s*$/m.test(plain()), 'the name without xyz');
      app.stdin.write('\r');
      await app.untilShows('deploy-doctor · Team · Symptoms');
      app.stdin.write('afraidxx\u007F\u007F');
      await app.until(() => /Filter: afraid\s+0 chosen/.test(plain()), 'the filter without xx');
      expect(app.frame()).not.toMatch(/[\u007F]/);
    },
    inkTimeout,
  );

  it(
    'the list of earlier answers scrolls with the cursor (item 3)',
    async () => {
      let state = pickerState();
      for (const id of env.index.knowledge.symptoms.slice(0, 12).map((symptom) => symptom.id)) state = { ...state, symptoms: [...state.symptoms, id] };
      state = key(key(state, '', { return: true }), 'a');
      for (let guard = 0; guard < 14 && currentQuestion(state, env).question; guard++) state = key(state, 'n');
      expect(state.interview.order.length).toBe(14);
      const answered = state.interview.order.map((id) => env.index.questions.get(id)!);
      const app = await openSized(key(state, 'e'), 80, 24);
      await app.untilShows('(14 of 14)');
      expect(app.frame()).toContain(`› no     ${lead(answered[13]!.text, 3)}`);
      for (let step = 0; step < 13; step++) await press(app.stdin, keys.up);
      await app.untilShows('(1 of 14)');
      expect(app.frame()).toContain(`› no     ${lead(answered[0]!.text, 3)}`);
      expect(app.frame()).toContain('↓');
      expect(app.frame().split('\n').length).toBeLessThanOrEqual(24);
    },
    inkTimeout,
  );

  it.each([
    [100, 30],
    [80, 24],
    [40, 20],
  ])(
    'the preview starts at the title at %ix%i, even when rendered lines are wider than the window (item 4)',
    async (columns, rows) => {
      const wide = (markdown: string) => markdown.replace(/\n/g, ` ${'wide '.repeat(30)}\n`);
      const app = await openSized(key(resultsState(), 'm'), columns, rows, { markdown: wide });
      await app.untilShows('lines 1-');
      const frame = app.frame();
      expect(frame.split('\n').length).toBeLessThanOrEqual(rows);
      expect(frame).toContain('# Deployment diagnosis');
      // The header is the first line: nothing scrolled off the top.
      expect(frame.split('\n')[0]).toMatch(/Results|Payments Team · Results/);
    },
    inkTimeout,
  );

  it(
    'a preview that cannot format the plan says so instead of falling back silently (item 4)',
    async () => {
      const app = await open(resultsState(), {
        markdown: () => {
          throw new Error('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING');
        },
      });
      await press(app.stdin, 'm');
      await app.untilShows('The formatted preview failed');
      expect(flat(app.frame())).toContain('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING');
      expect(app.frame()).toContain('# Deployment diagnosis');
    },
    inkTimeout,
  );

  it(
    'the results say which causes have no plan and why, and p adds one (item 5)',
    async () => {
      const state = resultsState();
      const causes = ranking(state, env);
      const last = causes.length - 1;
      const app = await open({ ...state, results: { ...state.results, selected: last } });
      expect(flat(app.frame())).toMatch(/Not in the fix plan: .* Press p to add it\./);
      expect(app.frame()).toContain('p add to plan');
      await press(app.stdin, 'p');
      await app.untilShows('is now in the plan');
      expect(flat(app.frame())).toContain('In the fix plan because you added it');
      expect(app.frame()).toMatch(new RegExp(`\\+ ${causes[last]!.title}`));
      expect(app.frame()).toContain('p take out of plan');
    },
    inkTimeout,
  );

  it(
    'notes are listed, and a notice stands above the footer instead of replacing it (items 11, 12)',
    async () => {
      const app = await open({ ...resultsState(), notes: ['pilot the pipeline', 'Sam follows up'] });
      expect(app.frame()).toContain('Notes: 2 (n to see or change them');
      await press(app.stdin, 'n');
      await app.untilShows('Notes for the report (2)');
      expect(app.frame()).toContain('  • pilot the pipeline');
      expect(app.frame()).toContain('› • Sam follows up');
      await press(app.stdin, 'x');
      await app.untilShows('Note deleted.');
      const lines = app.frame().split('\n');
      const notice = lines.findIndex((line) => line.includes('Note deleted.'));
      const footer = lines.findIndex((line) => line.includes('Esc back'));
      expect(notice).toBeGreaterThan(0);
      expect(footer).toBeGreaterThan(notice);
    },
    inkTimeout,
  );

  it(
    'a failed export stays in the dialog and says what went wrong in words (item 16)',
    async () => {
      const services = fakeServices([{ outcome: 'failed', message: 'Could not write /work/nope/plan.md: its folder does not exist.' }]);
      const app = await open(key(resultsState(), 'e'), { services });
      await press(app.stdin, keys.enter);
      await app.untilShows('its folder does not exist');
      expect(flat(app.frame())).toContain('Change the name and press Enter');
      expect(app.frame()).toContain('File: ');
      expect(app.frame()).toContain('Enter write');
    },
    inkTimeout,
  );

  it(
    'results point to the plan behind m, not "below"; the question count never says "up to 0" (item 18)',
    async () => {
      const app = await open(resultsState());
      expect(flat(app.frame())).toContain('Press m to read the fix plan.');
      expect(app.frame()).not.toContain('plan below');
      const done = await open(settledState());
      expect(done.frame()).not.toContain('up to 0');
    },
    inkTimeout,
  );

  it(
    'shrinking the window clears the screen before the smaller frame is drawn (item 9)',
    async () => {
      const app = await open(interviewState());
      Object.defineProperty(app.stdout, 'isTTY', { value: true, configurable: true });
      const writes: string[] = [];
      const write = app.stdout.write.bind(app.stdout);
      app.stdout.write = (data: string) => {
        writes.push(data);
        return write(data);
      };
      Object.defineProperty(app.stdout, 'columns', { value: 40, configurable: true });
      app.stdout.emit('resize');
      await app.until((frame) => frame.split('\n').every((line) => line.length <= 40), 'narrow frame');
      expect(writes[0]).toBe('\u001B[2J\u001B[H');
    },
    inkTimeout,
  );
});

describe('when autosave fails (issue 9 item 4)', () => {
  it(
    'keeps going, warns until a save works, and saves elsewhere with s',
    async () => {
      const services = fakeServices();
      services.saveSession.mockImplementation(() => ({ ok: false, reason: 'Could not write /state/session.yaml: the disk is read-only' }));
      const app = await open(resultsState(), { services });
      await app.untilShows('Not saved: Could not write /state/session.yaml: the disk is read-only');
      expect(flat(app.frame())).toContain('press s on the results to save them to another file');
      // Moving around keeps the warning.
      await press(app.stdin, keys.down);
      expect(flat(app.frame())).toContain('Not saved:');
      await press(app.stdin, 's');
      await app.untilShows('Save the session');
      await press(app.stdin, keys.enter);
      await waitFor(
        () => services.saveSessionAs.mock.calls.length === 1,
        () => app.frame(),
      );
      expect(services.saveSessionAs.mock.calls[0]![0]).toBe(`deploy-doctor-session-payments-team-${date}.yaml`);
      expect(services.saveSessionAs.mock.calls[0]![1].symptoms).toEqual(['fear-of-deploying']);
      await app.until((frame) => !frame.includes('Not saved:'), 'the warning to go');
    },
    inkTimeout,
  );
});

describe('footer and preview details found in the terminal', () => {
  it(
    'once every question is answered, the footer no longer offers "ask everything"',
    async () => {
      let state = key(interviewState(), 'a');
      // Asking everything covers every question that tests a plausible cause: dozens of them.
      for (let guard = 0; guard < 120 && currentQuestion(state, env).question; guard++) state = key(state, 'n');
      const app = await open(state);
      expect(app.frame()).toContain('Press Enter to see the results.');
      expect(app.frame()).toContain('d done');
      expect(app.frame()).not.toContain('a ask');
    },
    inkTimeout,
  );
});

describe('text from a saved session on the welcome screen', () => {
  it(
    'a team name with control sequences reaches the screen without them',
    async () => {
      const resumable: Session = { version: 1, team: 'Ops\u001b]0;owned\u0007', symptoms: ['fear-of-deploying'], answers: {} };
      const app = await open(initialState({ date, resumable }));
      expect(app.frame()).toContain('An unfinished diagnosis for Ops]0;owned');
      expect(app.frame()).not.toMatch(/\u0007|\u001b\]/);
    },
    inkTimeout,
  );
});
