import type { Answer } from '../knowledge/schema.js';
import type { InterviewMode } from '../engine/next-question.js';
import type { Session } from '../engine/session-schema.js';

export type Screen = 'welcome' | 'picker' | 'interview' | 'results' | 'export';

export type ExportFormat = 'md' | 'json';

export type ExportState = {
  format: ExportFormat;
  path: string;
  stage: 'editing' | 'writing' | 'confirm-overwrite' | 'done' | 'failed';
  overwrite: boolean;
  message?: string;
};

/** Everything the interactive app shows is derived from this, through the engine. */
export type State = {
  screen: Screen;
  /** True once a saved session was resumed: saving continues in its file. */
  resumed: boolean;
  /** What gets autosaved: an answers file in the engine's format. */
  team: string;
  date: string;
  symptoms: string[];
  answers: Record<string, Answer>;
  notes?: string;
  welcome: { step: 'resume' | 'team'; resumable?: Session };
  picker: { query: string; focus: 'filter' | 'list'; highlighted: number; browse: boolean };
  interview: {
    mode: InterviewMode;
    /** Answer order, so "back" undoes the most recent one. */
    order: string[];
    showHelp: boolean;
    /** A question taken back with "back" is asked again before the engine picks another. */
    revisit?: string;
    editing?: { selected: number };
  };
  /** `maxScroll` is reported by the preview once it knows how many lines the plan has. */
  results: { selected: number; expanded: boolean; preview: boolean; scroll: number; maxScroll: number; writingNote: boolean };
  exporter?: ExportState;
  notice?: string;
  exit?: { code: number };
};

export function initialState({ date, resumable, team = '' }: { date: string; resumable?: Session; team?: string }): State {
  return {
    screen: 'welcome',
    resumed: false,
    team,
    date,
    symptoms: [],
    answers: {},
    welcome: resumable ? { step: 'resume', resumable } : { step: 'team' },
    picker: { query: '', focus: 'filter', highlighted: 0, browse: false },
    interview: { mode: 'adaptive', order: [], showHelp: false },
    results: { selected: 0, expanded: false, preview: false, scroll: 0, maxScroll: 0, writingNote: false },
  };
}

export const teamNameLimit = 200;

/** The state as an answers file; undefined until there is something worth saving. */
export function toSession(state: State): Session | undefined {
  if (state.symptoms.length === 0) return undefined;
  return {
    version: 1,
    // The answers-file format caps team names; a longer name typed here must not make the file unreadable.
    ...(state.team.trim() ? { team: state.team.trim().slice(0, teamNameLimit) } : {}),
    date: state.date,
    symptoms: state.symptoms,
    answers: state.answers,
    ...(state.notes ? { notes: state.notes } : {}),
  };
}

/** Continues a saved session where it stopped: the interview if it has symptoms. */
export function resumeFrom(state: State, session: Session): State {
  return {
    ...state,
    screen: 'interview',
    resumed: true,
    team: session.team ?? '',
    date: session.date ?? state.date,
    symptoms: session.symptoms,
    answers: session.answers,
    notes: session.notes,
    interview: { ...state.interview, order: Object.keys(session.answers) },
    welcome: { step: 'team' },
  };
}
