import type { Answer } from '../knowledge/schema.js';
import { answeredQuestions, categoryStarts, currentQuestion, pickerRows, ranking, type UiEnv } from './selectors.js';
import { resumeFrom, type ExportFormat, type State } from './state.js';

/** The keys the app reacts to; a subset of what Ink's useInput reports. */
export type KeyInfo = Partial<{
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  return: boolean;
  escape: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  ctrl: boolean;
  meta: boolean;
}>;

export type Action =
  | { type: 'key'; input: string; key: KeyInfo; focus?: string }
  | { type: 'team-typed'; value: string }
  | { type: 'team-submitted' }
  | { type: 'export-path-typed'; value: string }
  | { type: 'export-submitted' }
  | { type: 'export-finished'; outcome: 'written' | 'exists' | 'failed'; message: string }
  | { type: 'preview-measured'; maxScroll: number }
  | { type: 'note-written'; text: string }
  | { type: 'interrupt' };

const answerKeys: Record<string, Answer> = { y: 'yes', n: 'no', p: 'partly', u: 'unsure' };

const clamp = (value: number, length: number) => Math.max(0, Math.min(value, Math.max(0, length - 1)));

export function defaultExportPath(state: State, format: ExportFormat): string {
  const slug = state.team
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `deploy-doctor-${slug || 'report'}-${state.date}.${format}`;
}

/**
 * Where keys go right now: the screen, plus the text field that has them when one is open
 * (its Enter must not also reach the screen behind it).
 */
export function inputFocus(state: State): string {
  if (state.screen === 'results' && state.results.writingNote) return 'results:note';
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
    case 'note-written': {
      const text = action.text.trim();
      const notes = text ? [state.notes, text].filter(Boolean).join('\n') : state.notes;
      return { ...next, notes, results: { ...state.results, writingNote: false }, notice: text ? 'Note added to the report.' : undefined };
    }
    case 'preview-measured': {
      const { results } = state;
      return { ...state, results: { ...results, maxScroll: action.maxScroll, scroll: Math.min(results.scroll, action.maxScroll) } };
    }
    case 'team-typed':
      return { ...next, team: action.value };
    case 'team-submitted':
      return { ...next, team: state.team.trim(), screen: 'picker' };
    case 'export-path-typed':
      return state.exporter ? { ...next, exporter: { ...state.exporter, path: action.value } } : state;
    case 'export-submitted':
      if (!state.exporter || state.exporter.path.trim() === '') return { ...next, notice: 'Type a file name first.' };
      return { ...next, exporter: { ...state.exporter, path: state.exporter.path.trim(), stage: 'writing', overwrite: false } };
    case 'export-finished':
      if (!state.exporter) return state;
      if (action.outcome === 'exists') return { ...next, exporter: { ...state.exporter, stage: 'confirm-overwrite', message: action.message } };
      return { ...next, exporter: { ...state.exporter, stage: action.outcome === 'written' ? 'done' : 'failed', message: action.message } };
    case 'key':
      if (action.key.ctrl && action.input === 'c') return { ...next, exit: { code: 130 } };
      // A key that one field or screen already acted on must not also act on what it led to.
      if (action.focus && action.focus !== inputFocus(state)) return state;
      return onKey(next, action.input, action.key, env);
  }
}

function onKey(state: State, input: string, key: KeyInfo, env: UiEnv): State {
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

function welcomeKey(state: State, input: string, key: KeyInfo): State {
  if (key.escape) return leave(state);
  if (state.welcome.step !== 'resume') return state; // the team name field handles its own typing
  if (key.return && state.welcome.resumable) return resumeFrom(state, state.welcome.resumable);
  if (input === 'n') return { ...state, welcome: { step: 'team' } };
  if (input === 'q') return leave(state);
  return state;
}

function toggle(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((item) => item !== id) : [...list, id];
}

function pickerKey(state: State, input: string, key: KeyInfo, env: UiEnv): State {
  const { picker } = state;
  const rows = pickerRows(state, env);
  const highlighted = rows[clamp(picker.highlighted, rows.length)];
  const move = (to: number): State => ({ ...state, picker: { ...picker, highlighted: clamp(to, rows.length), focus: 'list' } });
  // The first arrow after typing only steps from the filter into the list, so the best match can be chosen.
  const enterList = picker.focus === 'filter' && picker.query !== '';

  if (key.escape) return picker.query ? { ...state, picker: { ...picker, query: '', highlighted: 0, focus: 'filter' } } : leave(state);
  if (key.upArrow) return move(enterList ? picker.highlighted : picker.highlighted - 1);
  if (key.downArrow) return move(enterList ? picker.highlighted : picker.highlighted + 1);
  if (key.pageUp) return move(picker.highlighted - 10);
  if (key.pageDown) return move(picker.highlighted + 10);
  if (picker.browse && (key.leftArrow || key.rightArrow)) {
    const starts = categoryStarts(rows);
    const current = starts.filter((start) => start <= picker.highlighted).length - 1;
    const target = starts[clamp(current + (key.rightArrow ? 1 : -1), starts.length)] ?? 0;
    return move(target);
  }
  if (key.tab) return { ...state, picker: { ...picker, browse: !picker.browse, highlighted: 0, focus: 'list' } };
  if (key.return) {
    if (state.symptoms.length === 0) return { ...state, notice: 'Choose at least one symptom first: highlight it and press Space.' };
    return { ...state, screen: 'interview' };
  }
  if (key.backspace || key.delete) {
    return { ...state, picker: { ...picker, query: picker.query.slice(0, -1), highlighted: 0, focus: 'filter', browse: false } };
  }
  if (input === ' ' && (picker.focus === 'list' || picker.query === '')) {
    return highlighted ? { ...state, symptoms: toggle(state.symptoms, highlighted.symptom.id) } : state;
  }
  if (input && !key.ctrl && !key.meta && isPrintable(input)) {
    return { ...state, picker: { ...picker, query: picker.query + input, highlighted: 0, focus: 'filter', browse: false } };
  }
  return state;
}

function isPrintable(input: string): boolean {
  return !/[\u0000-\u001f\u007f]/.test(input);
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
      const { [last]: _undone, ...answers } = state.answers;
      return { ...state, answers, interview: { ...interview, order: interview.order.slice(0, -1), revisit: last } };
    }
    case 'e':
      if (interview.order.length === 0) return { ...state, notice: 'Nothing answered yet.' };
      return { ...state, interview: { ...interview, editing: { selected: interview.order.length - 1 } } };
    case 'a':
      return { ...state, interview: { ...interview, mode: 'all' }, notice: 'Asking every relevant question; press d when you have had enough.' };
    case 'd':
      return { ...state, screen: 'results' };
    case 'q':
      return leave(state);
  }
  if (key.escape) return leave(state);
  if (key.return && !current.question) return { ...state, screen: 'results' };
  return state;
}

function editKey(state: State, input: string, key: KeyInfo, env: UiEnv): State {
  const editing = state.interview.editing!;
  const answered = answeredQuestions(state, env);
  const close = { ...state, interview: { ...state.interview, editing: undefined } };
  if (key.escape || key.return || input === 'e') return close;
  if (key.upArrow || key.downArrow) {
    const selected = clamp(editing.selected + (key.upArrow ? -1 : 1), answered.length);
    return { ...state, interview: { ...state.interview, editing: { selected } } };
  }
  const answer = answerKeys[input];
  const question = answered[editing.selected];
  if (answer && question) return { ...state, answers: { ...state.answers, [question.id]: answer } };
  return state;
}

function resultsKey(state: State, input: string, key: KeyInfo, env: UiEnv): State {
  const { results } = state;
  // The note field handles its own typing; Esc puts it away.
  if (results.writingNote) return key.escape ? { ...state, results: { ...results, writingNote: false } } : state;
  const count = ranking(state, env).length;
  if (results.preview) {
    const scrollBy = (lines: number): State => ({ ...state, results: { ...results, scroll: Math.max(0, Math.min(results.maxScroll, results.scroll + lines)) } });
    if (key.upArrow) return scrollBy(-1);
    if (key.downArrow) return scrollBy(1);
    if (key.pageUp) return scrollBy(-10);
    if (key.pageDown) return scrollBy(10);
  } else {
    if (key.upArrow) return { ...state, results: { ...results, selected: clamp(results.selected - 1, count), expanded: false } };
    if (key.downArrow) return { ...state, results: { ...results, selected: clamp(results.selected + 1, count), expanded: false } };
    if (key.return) return { ...state, results: { ...results, expanded: !results.expanded } };
  }
  switch (input) {
    case 'm':
      return { ...state, results: { ...results, preview: !results.preview, scroll: 0 } };
    case 'n':
      return { ...state, results: { ...results, writingNote: true, preview: false } };
    case 'e':
    case 'j': {
      const format: ExportFormat = input === 'e' ? 'md' : 'json';
      return { ...state, screen: 'export', exporter: { format, path: defaultExportPath(state, format), stage: 'editing', overwrite: false } };
    }
    case 'b':
      return { ...state, screen: 'interview' };
    case 'q':
      return leave(state);
  }
  if (key.escape) return results.preview ? { ...state, results: { ...results, preview: false } } : leave(state);
  return state;
}

function exportKey(state: State, input: string, key: KeyInfo): State {
  const exporter = state.exporter!;
  const back = { ...state, screen: 'results' as const, exporter: undefined };
  switch (exporter.stage) {
    case 'editing':
      return key.escape ? back : state; // the path field handles its own typing
    case 'confirm-overwrite':
      if (input === 'y') return { ...state, exporter: { ...exporter, stage: 'writing', overwrite: true } };
      if (input === 'n' || key.escape) return { ...state, exporter: { ...exporter, stage: 'editing', message: undefined } };
      return state;
    case 'done':
    case 'failed':
      return back;
    case 'writing':
      return state;
  }
}
