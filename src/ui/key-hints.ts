import { spaceChooses } from './reducer.js';
import type { State } from './state.js';
import { roomHints } from './room/room-hints.js';

export type Hint = [key: string, label: string];

export type HintContext = {
  hasQuestion: boolean;
  /** The picker's highlighted symptom, and whether it is chosen: the footer says what Space and Enter do to it. */
  highlightedChosen?: boolean;
  hasHighlight?: boolean;
  /** On the results screen: whether the selected cause is in the plan on the evidence, added by the team, or left out. */
  coverage?: 'planned' | 'added' | 'left-out';
  /** In the fix steps pane: whether the step under the cursor is ticked as done. */
  stepDone?: boolean;
  /** Every relevant question is answered: "ask everything" would change nothing. */
  nothingLeft?: boolean;
  /** Under 60 columns the footer uses shorter labels. */
  narrow?: boolean;
};

const typing: Hint[] = [['←→', 'move'], ['Ctrl-U', 'clear']];

/** Footer hints per screen; they say what each key does now, and follow the reducer's key handling. */
export function keyHints(state: State, context: HintContext): Hint[] {
  const room = roomHints(state, context);
  if (room) return room;
  switch (state.screen) {
    case 'welcome':
      return state.welcome.step === 'resume'
        ? [['Enter', 'resume'], ['n', 'new diagnosis'], ['Esc', 'quit']]
        : [['type', 'team name'], ['Enter', 'continue'], ['Esc', 'quit']];
    case 'picker': {
      const { picker } = state;
      const hints: Hint[] = [];
      if (!picker.browse) hints.push(['type', 'filter']);
      hints.push(['↑↓', 'move']);
      if (context.hasHighlight) hints.push(['Space', spaceChooses(state) ? (context.highlightedChosen ? 'unchoose' : 'choose') : 'next word (twice: choose)']);
      hints.push(['Tab', picker.browse ? 'type to filter' : 'browse']);
      if (picker.browse) hints.push(['←→', 'category']);
      if (state.symptoms.length > 0) hints.push(['Enter', 'continue']);
      else if (context.hasHighlight) hints.push(['Enter', 'choose and continue']);
      hints.push(['Esc', picker.query ? 'clear filter' : 'back']);
      return hints;
    }
    case 'interview':
      if (state.interview.editing) return [['↑↓', 'choose answer'], ['y n p u', 'change it'], ['Enter', 'done'], ['Esc', 'back']];
      // Narrow, the answer keys are already on screen beside the question, so the footer keeps to the rest.
      return [
        ...(context.hasQuestion ? (context.narrow ? [['?', 'why'] as Hint] : ([['y', 'yes'], ['n', 'no'], ['p', 'partly'], ['u', 'unsure'], ['?', 'why']] as Hint[])) : [['Enter', 'results'] as Hint]),
        ['b', context.narrow ? 'undo' : 'undo last answer'],
        ['e', context.narrow ? 'edit' : 'edit answers'],
        ...(context.nothingLeft ? [] : ([['a', state.interview.mode === 'adaptive' ? (context.narrow ? 'ask all' : 'ask everything') : 'ask only what matters']] as Hint[])),
        ['d', 'done'],
        ['Esc', 'symptoms'],
        ['q', 'quit'],
      ];
    case 'results': {
      const notes = state.results.notes;
      if (notes?.draft) return [['Enter', 'save note'], ...typing, ['Esc', 'cancel']];
      if (notes) return [['↑↓', 'select'], ['a', 'add'], ['Enter', 'edit'], ['x', 'delete'], ['Esc', 'back']];
      if (state.results.steps) return [['↑↓', 'step'], ['Space', context.stepDone ? 'mark not done' : 'mark done'], ['Esc', 'back']];
      if (state.results.preview) return [['↑↓', 'scroll'], ['Space', 'page'], ['e', 'export Markdown'], ['j', 'export JSON'], ['Esc', 'close preview'], ['q', 'quit']];
      const plan: Hint[] = context.coverage === 'left-out' ? [['p', 'add to plan']] : context.coverage === 'added' ? [['p', 'take out of plan']] : [];
      const narrow = context.narrow;
      return [
        ['↑↓', 'select'],
        ['Enter', state.results.expanded ? (narrow ? 'hide' : 'hide details') : 'details'],
        ...plan,
        ['t', narrow ? 'tick steps' : 'tick steps done'],
        ['m', narrow ? 'plan' : 'preview plan'],
        ['n', 'notes'],
        ['e', narrow ? 'export .md' : 'export Markdown'],
        ['j', narrow ? '.json' : 'export JSON'],
        ['s', narrow ? 'save as' : 'save session as'],
        ['Esc', narrow ? 'back' : 'questions'],
        ['q', 'quit'],
      ];
    }
    case 'export':
      switch (state.exporter?.stage) {
        case 'confirm-overwrite':
          return [['y', 'overwrite'], ['n', 'choose another name']];
        case 'done':
          return [['any key', 'back to results']];
        case 'writing':
          return [];
        default:
          return [['Enter', 'write'], ...typing, ['Esc', 'cancel']];
      }
  }
}

/** Lines the footer takes when its hints wrap at `width` columns (two spaces between hints). */
export function footerLines(hints: readonly Hint[], width: number): number {
  let lines = 1;
  let used = 0;
  for (const [key, label] of hints) {
    const size = key.length + 1 + label.length;
    if (used > 0 && used + 2 + size > width) {
      lines++;
      used = size;
    } else used += (used > 0 ? 2 : 0) + size;
  }
  return hints.length === 0 ? 0 : lines;
}
