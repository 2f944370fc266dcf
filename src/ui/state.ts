import type { Answer } from '../knowledge/schema.js';
import type { InterviewMode } from '../engine/next-question.js';
import { notesLimit, teamNameLimit, type Session } from '../engine/session-schema.js';
import { printable, textField, type TextField } from './text-field.js';
import { roomFromSession, roomSessionFields, type MetricsEditor, type RoomState } from './room/room-state.js';
import type { Metrics } from '../engine/session-schema.js';

export type Screen = 'welcome' | 'picker' | 'interview' | 'results' | 'export';

/** Markdown plan, JSON report, or the session itself (to save it somewhere else when autosave fails). */
export type ExportFormat = 'md' | 'json' | 'session';

export type ExportState = {
  format: ExportFormat;
  path: TextField;
  stage: 'editing' | 'writing' | 'confirm-overwrite' | 'done';
  overwrite: boolean;
  /** What happened last: the file written, the file that exists, or why writing failed. */
  message?: string;
  failed?: boolean;
};

/** The notes pane on the results screen: the notes, and the one being written or changed. */
export type NotesPane = { selected: number; draft?: TextField; editing?: number };

/** The selected cause's fix steps with a cursor, to tick the finished ones. */
export type StepsPane = { selected: number };

/** Everything the interactive app shows is derived from this, through the engine. */
export type State = {
  screen: Screen;
  /** True once a saved session was resumed: saving continues in its file. */
  resumed: boolean;
  /** What gets autosaved: an answers file in the engine's format. */
  team: TextField;
  date: string;
  symptoms: string[];
  answers: Record<string, Answer>;
  notes: string[];
  /** Causes the team put in the plan although the evidence alone leaves them out. */
  addToPlan: string[];
  /** Fix steps the team has finished, by step id: the answers file's `done:` list. */
  done: string[];
  welcome: { step: 'resume' | 'team'; resumable?: Session };
  picker: { query: string; focus: 'filter' | 'list'; highlighted: number; browse: boolean };
  interview: {
    mode: InterviewMode;
    /** Answer order, so "back" undoes the most recent one. */
    order: string[];
    showHelp: boolean;
    /** A question taken back with "back" is asked again, showing the answer it replaces, before the engine picks another. */
    revisit?: { id: string; previous: Answer };
    editing?: { selected: number };
  };
  /** `maxScroll` is reported by the preview once it knows how many lines the plan has. */
  results: { selected: number; expanded: boolean; preview: boolean; scroll: number; maxScroll: number; notes?: NotesPane; steps?: StepsPane };
  exporter?: ExportState;
  notice?: string;
  /** Why the last autosave failed; shown until a save works again. */
  saveProblem?: string;
  exit?: { code: number };
  /** Facilitator mode (room/room-state.ts): a show of hands per question; absent for one voice. */
  room?: RoomState;
  /** The team's delivery metrics today (optional), and the welcome screen's fields while they are typed. */
  metrics?: Metrics;
  metricsEditor?: MetricsEditor;
};

export { notesLimit, teamNameLimit };

export function initialState({ date, resumable, team = '' }: { date: string; resumable?: Session; team?: string }): State {
  return {
    screen: 'welcome',
    resumed: false,
    team: textField(team),
    date,
    symptoms: [],
    answers: {},
    notes: [],
    addToPlan: [],
    done: [],
    welcome: resumable ? { step: 'resume', resumable } : { step: 'team' },
    picker: { query: '', focus: 'filter', highlighted: 0, browse: false },
    interview: { mode: 'adaptive', order: [], showHelp: false },
    results: { selected: 0, expanded: false, preview: false, scroll: 0, maxScroll: 0 },
  };
}

/** Characters the notes may still take, leaving out the note being changed. */
export function notesRoom(state: State, editing?: number): number {
  return notesLimit - state.notes.reduce((total, note, position) => total + (position === editing ? 0 : note.length), 0);
}

/** The state as an answers file; undefined until there is something worth saving. */
export function toSession(state: State): Session | undefined {
  if (state.symptoms.length === 0) return undefined;
  const team = state.team.value.trim();
  const screen = state.screen === 'export' ? 'results' : state.screen === 'welcome' ? undefined : state.screen;
  const draftNote = state.screen === 'results' ? state.results.notes?.draft?.value : undefined;
  const resume = {
    ...(screen ? { screen } : {}),
    ...(state.interview.mode === 'all' ? { mode: 'all' as const } : {}),
    ...(draftNote ? { draftNote } : {}),
  };
  return {
    version: 1,
    // The fields refuse input past the limits, so what is saved here always reads back.
    ...(team ? { team } : {}),
    date: state.date,
    symptoms: state.symptoms,
    answers: state.answers,
    ...(state.notes.length > 0 ? { notes: state.notes } : {}),
    ...(state.addToPlan.length > 0 ? { addToPlan: state.addToPlan } : {}),
    ...(state.done.length > 0 ? { done: state.done } : {}),
    ...(Object.keys(resume).length > 0 ? { resume } : {}),
    // Metrics and a room need version 2 of the answers file; one voice without them stays version 1.
    ...(state.metrics && Object.keys(state.metrics).length > 0 ? { version: 2 as const, metrics: state.metrics } : {}),
    ...(state.room ? roomSessionFields(state.room) : {}),
  };
}

/**
 * Continues a saved session where it stopped: the screen, the interview mode and a half-written
 * note come back. Control characters that older versions let into team names and notes are dropped.
 */
export function resumeFrom(state: State, session: Session): State {
  const notes = [session.notes ?? []].flat().map((note) => note.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '')).filter((note) => note.trim() !== '');
  const draft = session.resume?.draftNote ? printable(session.resume.draftNote) : undefined;
  const screen = session.resume?.screen ?? 'interview';
  return {
    ...state,
    screen,
    resumed: true,
    team: textField(printable(session.team ?? '')),
    date: session.date ?? state.date,
    symptoms: session.symptoms,
    answers: session.answers,
    notes,
    addToPlan: session.addToPlan ?? [],
    done: session.done ?? [],
    interview: { ...state.interview, mode: session.resume?.mode ?? 'adaptive', order: Object.keys(session.answers) },
    results: { ...state.results, ...(screen === 'results' && draft !== undefined ? { notes: { selected: 0, draft: textField(draft) } } : {}) },
    welcome: { step: 'team' },
    // The session decides the mode: a room of nobody (--room on a one-voice session) could count no hands.
    room: roomFromSession(session),
    ...(state.room && !session.room ? { notice: 'This session was answered with one voice, so it continues that way (no show of hands).' } : {}),
    ...(session.metrics ? { metrics: session.metrics } : {}),
  };
}
