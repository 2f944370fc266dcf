import type { Answer } from '../knowledge/schema.js';
import { answeredQuestions, categoryStarts, currentQuestion, pickerRows, planCoverage, ranking, selectedFixSteps, type UiEnv } from './selectors.js';
import { notesRoom, resumeFrom, teamNameLimit, type ExportFormat, type State } from './state.js';
import { editText, textField, type TextField } from './text-field.js';
import { roomFocus, roomKey } from './room/room-reducer.js';

/** The keys the app reacts to; a subset of what Ink's useInput reports. */
export type KeyInfo = Partial<{
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  ctrl: boolean;
  meta: boolean;
}>;

export type WriteOutcome = { outcome: 'written' | 'exists' | 'failed'; message: string };

export type Action =
  | { type: 'key'; input: string; key: KeyInfo; focus?: string }
  | { type: 'export-finished'; outcome: WriteOutcome['outcome']; message: string }
  | { type: 'autosaved'; problem?: string }
  | { type: 'preview-measured'; maxScroll: number }
  | { type: 'interrupt' };

const answerKeys: Record<string, Answer> = { y: 'yes', n: 'no', p: 'partly', u: 'unsure' };

/** A path longer than this is not one anybody means; the limit keeps the field bounded like the others. */
const pathLimit = 4096;

const clamp = (value: number, length: number) => Math.max(0, Math.min(value, Math.max(0, length - 1)));

export function defaultExportPath(state: State, format: ExportFormat): string {
  const slug = state.team.value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const extension = format === 'session' ? 'yaml' : format;
  return `deploy-doctor-${format === 'session' ? 'session-' : ''}${slug || 'report'}-${state.date}.${extension}`;
}

/**
 * Where keys go right now. A key is tagged with it when it arrives, so a key that closed a field
 * or changed the screen is not applied again to what replaced it.
 */
export function inputFocus(state: State): string {
  const room = roomFocus(state);
  if (room) return room;
  if (state.screen === 'results' && state.results.notes) return state.results.notes.draft ? 'results:note' : 'results:notes';
  if (state.screen === 'results' && state.results.steps) return 'results:steps';
  if (state.screen === 'export' && state.exporter) return `export:${state.exporter.stage}`;
  if (state.screen === 'welcome') return `welcome:${state.welcome.step}`;
  return state.screen;
}

/**
 * Screen logic as a pure function of state, action and the knowledge. It calls the
 * engine for anything diagnostic; the components only render and dispatch.
 */
export function reduce(state: State, action: Action, env: UiEnv): State {
  const next = { ...state, notice: undefined };
  switch (action.type) {
    case 'interrupt':
      return { ...next, exit: { code: 130 } };
    case 'autosaved':
      return state.saveProblem === action.problem ? state : { ...state, saveProblem: action.problem };
    case 'preview-measured': {
      const { results } = state;
      return { ...state, results: { ...results, maxScroll: action.maxScroll, scroll: Math.min(results.scroll, action.maxScroll) } };
    }
    case 'export-finished': {
      if (!state.exporter) return state;
      const exporter = { ...state.exporter, message: action.message, overwrite: false };
      if (action.outcome === 'exists') return { ...next, exporter: { ...exporter, stage: 'confirm-overwrite', failed: false } };
      // A failed write stays in the dialog with the reason, so the name can be fixed and tried again.
      if (action.outcome === 'failed') return { ...next, exporter: { ...exporter, stage: 'editing', failed: true } };
      return { ...next, exporter: { ...exporter, stage: 'done', failed: false } };
    }
    case 'key':
      if (action.key.ctrl && action.input === 'c') return { ...next, exit: { code: 130 } };
      if (action.focus && action.focus !== inputFocus(state)) return state;
      return onKey(next, action.input, action.key, env);
  }
}

function onKey(state: State, input: string, key: KeyInfo, env: UiEnv): State {
  // Facilitator mode handles its own keys first (room/room-reducer.ts); anything else falls through.
  const roomed = roomKey(state, input, key, env);
  if (roomed) return roomed;
  switch (state.screen) {
    case 'welcome':
      return welcomeKey(state, input, key);
    case 'picker':
      return pickerKey(state, input, key, env);
    case 'interview':
      return interviewKey(state, input, key, env);
    case 'results':
      return resultsKey(state, input, key, env);
    case 'export':
      return exportKey(state, input, key);
  }
}

function leave(state: State): State {
  return { ...state, exit: { code: 0 } };
}

/** Applies a key to a text field; undefined when the key is not an edit (Enter, Esc, arrows up and down). */
function edit(state: State, field: TextField, input: string, key: KeyInfo, limit: number, message: string, put: (field: TextField) => State): State | undefined {
  const result = editText(field, input, key, limit, message);
  if (!result) return undefined;
  return { ...put(result.field), notice: result.refused };
}

function welcomeKey(state: State, input: string, key: KeyInfo): State {
  if (key.escape) return leave(state);
  if (state.welcome.step === 'resume') {
    if (key.return && state.welcome.resumable) return resumeFrom(state, state.welcome.resumable);
    if (input === 'n') return { ...state, welcome: { step: 'team' } };
    if (input === 'q') return leave(state);
    return state;
  }
  if (key.return) return { ...state, team: textField(state.team.value.trim()), screen: 'picker' };
  const limitMessage = `Team names can be at most ${teamNameLimit} characters.`;
  return edit(state, state.team, input, key, teamNameLimit, limitMessage, (team) => ({ ...state, team })) ?? state;
}

function toggle(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((item) => item !== id) : [...list, id];
}

/** What Space does in the picker now: type a space between words, or choose the highlighted symptom. */
export function spaceChooses(state: State): boolean {
  const { picker } = state;
  return picker.browse || picker.focus === 'list' || picker.query === '' || picker.query.endsWith(' ');
}

function pickerKey(state: State, input: string, key: KeyInfo, env: UiEnv): State {
  const { picker } = state;
  const rows = pickerRows(state, env);
  const highlighted = rows[clamp(picker.highlighted, rows.length)];
  const move = (to: number): State => ({ ...state, picker: { ...picker, highlighted: clamp(to, rows.length), focus: 'list' } });
  const setQuery = (query: string): State => ({ ...state, picker: { ...picker, query, highlighted: 0, focus: 'filter', browse: false } });

  if (key.escape) return picker.query ? setQuery('') : { ...state, screen: 'welcome', welcome: { step: 'team' } };
  if (key.upArrow) return move(picker.highlighted - 1);
  if (key.downArrow) return move(picker.highlighted + 1);
  if (key.pageUp) return move(picker.highlighted - 10);
  if (key.pageDown) return move(picker.highlighted + 10);
  if (key.home && picker.focus === 'list') return move(0);
  if (key.end && picker.focus === 'list') return move(rows.length - 1);
  if (picker.browse && (key.leftArrow || key.rightArrow)) {
    const starts = categoryStarts(rows);
    const current = starts.filter((start) => start <= picker.highlighted).length - 1;
    const target = starts[clamp(current + (key.rightArrow ? 1 : -1), starts.length)] ?? 0;
    return move(target);
  }
  if (key.tab) return { ...state, picker: { ...picker, browse: !picker.browse, highlighted: 0, focus: 'list' } };
  if (key.return) {
    if (state.symptoms.length > 0) return { ...state, screen: 'interview' };
    // Nothing chosen yet: Enter takes the highlighted symptom, which is what the footer says it will do.
    if (!highlighted) return { ...state, notice: 'No symptom matches the filter: change it, or press Tab to browse.' };
    return { ...state, symptoms: [highlighted.symptom.id], screen: 'interview' };
  }
  if (input === ' ' && !key.ctrl && !key.meta && spaceChooses(state)) {
    return highlighted ? { ...state, symptoms: toggle(state.symptoms, highlighted.symptom.id) } : state;
  }
  const query = { value: picker.query, cursor: picker.query.length };
  // The filter is short-lived and edited only at its end; its length limit is only there to bound it.
  const typed = editText(query, input, { ...key, leftArrow: false, rightArrow: false, home: false, end: false }, 200, 'That filter is long enough.');
  if (typed) return { ...setQuery(typed.field.value), notice: typed.refused };
  return state;
}

function interviewKey(state: State, input: string, key: KeyInfo, env: UiEnv): State {
  const { interview } = state;
  if (interview.editing) return editKey(state, input, key, env);
  const current = currentQuestion(state, env);

  const answer = answerKeys[input];
  if (answer && current.question) {
    const id = current.question.id;
    return {
      ...state,
      answers: { ...state.answers, [id]: answer },
      interview: { ...interview, order: [...interview.order.filter((item) => item !== id), id], revisit: undefined, showHelp: false },
    };
  }
  switch (input) {
    case '?':
      return { ...state, interview: { ...interview, showHelp: !interview.showHelp } };
    case 'b': {
      const last = interview.order.at(-1);
      if (!last) return { ...state, screen: 'picker', interview: { ...interview, revisit: undefined } };
      const { [last]: previous, ...answers } = state.answers;
      return { ...state, answers, interview: { ...interview, order: interview.order.slice(0, -1), revisit: { id: last, previous: previous! } } };
    }
    case 'e':
      if (interview.order.length === 0) return { ...state, notice: 'Nothing answered yet.' };
      return { ...state, interview: { ...interview, editing: { selected: interview.order.length - 1 } } };
    case 'a':
      return interview.mode === 'all'
        ? { ...state, interview: { ...interview, mode: 'adaptive' }, notice: 'Back to asking only the questions that still matter.' }
        : { ...state, interview: { ...interview, mode: 'all' }, notice: 'Asking every relevant question; press d when you have had enough.' };
    case 'd':
      return { ...state, screen: 'results' };
    case 'q':
      return leave(state);
  }
  if (key.escape) return { ...state, screen: 'picker' };
  if (key.return && !current.question) return { ...state, screen: 'results' };
  return state;
}

function editKey(state: State, input: string, key: KeyInfo, env: UiEnv): State {
  const editing = state.interview.editing!;
  const answered = answeredQuestions(state, env);
  const close = { ...state, interview: { ...state.interview, editing: undefined } };
  if (key.escape || key.return || input === 'e') return close;
  const moveTo = (to: number) => ({ ...state, interview: { ...state.interview, editing: { selected: clamp(to, answered.length) } } });
  if (key.upArrow) return moveTo(editing.selected - 1);
  if (key.downArrow) return moveTo(editing.selected + 1);
  if (key.pageUp) return moveTo(editing.selected - 10);
  if (key.pageDown) return moveTo(editing.selected + 10);
  const answer = answerKeys[input];
  const question = answered[editing.selected];
  if (answer && question) return { ...state, answers: { ...state.answers, [question.id]: answer } };
  return state;
}

function notesKey(state: State, input: string, key: KeyInfo): State {
  const pane = state.results.notes!;
  const withPane = (notes: State['results']['notes'], more: Partial<State> = {}): State => ({ ...state, ...more, results: { ...state.results, notes } });
  if (pane.draft) {
    if (key.escape) return withPane(state.notes.length > 0 ? { selected: pane.selected } : undefined);
    if (key.return) {
      const text = pane.draft.value.trim();
      const notes =
        pane.editing === undefined
          ? text
            ? [...state.notes, text]
            : state.notes
          : text
            ? state.notes.map((note, position) => (position === pane.editing ? text : note))
            : state.notes.filter((_, position) => position !== pane.editing);
      const selected = pane.editing ?? Math.max(0, notes.length - 1);
      return withPane(notes.length > 0 ? { selected: clamp(selected, notes.length) } : undefined, {
        notes,
        notice: text ? 'Saved; the report carries every note as its own paragraph.' : pane.editing === undefined ? undefined : 'Note deleted.',
      });
    }
    const room = notesRoom(state, pane.editing);
    const message = 'Notes can hold 20,000 characters in all; this one is full.';
    return edit(state, pane.draft, input, key, room, message, (draft) => withPane({ ...pane, draft })) ?? state;
  }
  if (key.escape) return withPane(undefined);
  if (key.upArrow || key.downArrow) return withPane({ selected: clamp(pane.selected + (key.upArrow ? -1 : 1), state.notes.length) });
  if (input === 'a' || input === 'n') return withPane({ ...pane, draft: textField(), editing: undefined });
  if (key.return && state.notes[pane.selected] !== undefined) return withPane({ ...pane, draft: textField(state.notes[pane.selected]), editing: pane.selected });
  if ((input === 'x' || key.delete || key.backspace) && state.notes[pane.selected] !== undefined) {
    const notes = state.notes.filter((_, position) => position !== pane.selected);
    return withPane(notes.length > 0 ? { selected: clamp(pane.selected, notes.length) } : undefined, { notes, notice: 'Note deleted.' });
  }
  return state;
}

/** The selected cause's fix steps: move between them and tick the finished ones (the answers file's `done:`). */
function stepsKey(state: State, input: string, key: KeyInfo, env: UiEnv): State {
  const pane = state.results.steps!;
  const steps = selectedFixSteps(state, env);
  const moveTo = (to: number): State => ({ ...state, results: { ...state.results, steps: { selected: clamp(to, steps.length) } } });
  if (key.escape || input === 't') return { ...state, results: { ...state.results, steps: undefined } };
  if (key.upArrow) return moveTo(pane.selected - 1);
  if (key.downArrow) return moveTo(pane.selected + 1);
  if (key.home) return moveTo(0);
  if (key.end) return moveTo(steps.length - 1);
  const step = steps[clamp(pane.selected, steps.length)];
  if ((input === ' ' || input === 'x') && !key.ctrl && !key.meta && step) {
    if (step.done) return { ...state, done: state.done.filter((id) => id !== step.id), notice: `Marked not done: ${step.title}` };
    return { ...state, done: [...state.done, step.id], notice: `Marked done: ${step.title}` };
  }
  return state;
}

function resultsKey(state: State, input: string, key: KeyInfo, env: UiEnv): State {
  const { results } = state;
  if (results.notes) return notesKey(state, input, key);
  if (results.steps) return stepsKey(state, input, key, env);
  const causes = ranking(state, env);
  const count = causes.length;
  if (results.preview) {
    const scrollBy = (lines: number): State => ({ ...state, results: { ...results, scroll: Math.max(0, Math.min(results.maxScroll, results.scroll + lines)) } });
    if (key.upArrow) return scrollBy(-1);
    if (key.downArrow) return scrollBy(1);
    if (key.pageUp) return scrollBy(-10);
    if (key.pageDown || input === ' ') return scrollBy(10);
    if (key.home) return scrollBy(-results.scroll);
    if (key.end) return scrollBy(results.maxScroll);
  } else {
    if (key.upArrow) return { ...state, results: { ...results, selected: clamp(results.selected - 1, count) } };
    if (key.downArrow) return { ...state, results: { ...results, selected: clamp(results.selected + 1, count) } };
    if (key.return) return { ...state, results: { ...results, expanded: !results.expanded } };
  }
  switch (input) {
    case 'm':
      return { ...state, results: { ...results, preview: !results.preview, scroll: 0 } };
    case 't':
      if (results.preview || !causes[results.selected]) return state;
      return { ...state, results: { ...results, steps: { selected: 0 } } };
    case 'n':
      return { ...state, results: { ...results, preview: false, notes: state.notes.length > 0 ? { selected: state.notes.length - 1 } : { selected: 0, draft: textField() } } };
    case 'p': {
      const selected = causes[results.selected];
      if (!selected || results.preview) return state;
      const coverage = planCoverage(state, env).get(selected.id);
      if (coverage === 'added') return { ...state, addToPlan: state.addToPlan.filter((id) => id !== selected.id), notice: `${selected.title} is out of the plan again.` };
      if (coverage === 'planned') return { ...state, notice: `${selected.title} is already in the plan.` };
      return { ...state, addToPlan: [...state.addToPlan, selected.id], notice: `${selected.title} is now in the plan.` };
    }
    case 'e':
    case 'j':
    case 's': {
      const format: ExportFormat = input === 'e' ? 'md' : input === 'j' ? 'json' : 'session';
      return { ...state, screen: 'export', exporter: { format, path: textField(defaultExportPath(state, format)), stage: 'editing', overwrite: false } };
    }
    case 'b':
      return { ...state, screen: 'interview' };
    case 'q':
      return leave(state);
  }
  if (key.escape) {
    if (results.preview) return { ...state, results: { ...results, preview: false } };
    if (results.expanded) return { ...state, results: { ...results, expanded: false } };
    return { ...state, screen: 'interview' };
  }
  return state;
}

function exportKey(state: State, input: string, key: KeyInfo): State {
  const exporter = state.exporter!;
  const back = { ...state, screen: 'results' as const, exporter: undefined };
  switch (exporter.stage) {
    case 'editing': {
      if (key.escape) return back;
      if (key.return) {
        const path = exporter.path.value.trim();
        if (path === '') return { ...state, notice: 'Type a file name first.' };
        return { ...state, exporter: { ...exporter, path: textField(path), stage: 'writing', overwrite: false } };
      }
      return edit(state, exporter.path, input, key, pathLimit, 'That file name is too long.', (path) => ({ ...state, exporter: { ...exporter, path } })) ?? state;
    }
    case 'confirm-overwrite':
      if (input === 'y') return { ...state, exporter: { ...exporter, stage: 'writing', overwrite: true } };
      if (input === 'n' || key.escape) return { ...state, exporter: { ...exporter, stage: 'editing', message: undefined } };
      return state;
    case 'done':
      return back;
    case 'writing':
      return state;
  }
}
