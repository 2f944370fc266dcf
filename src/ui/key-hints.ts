import type { State } from './state.js';

/** Footer hints per screen; kept beside the reducer's key handling so the two stay in step. */
export function keyHints(state: State, hasQuestion: boolean): [string, string][] {
  switch (state.screen) {
    case 'welcome':
      return state.welcome.step === 'resume'
        ? [['Enter', 'resume'], ['n', 'new diagnosis'], ['Esc', 'quit']]
        : [['type', 'team name'], ['Enter', 'continue'], ['Esc', 'quit']];
    case 'picker':
      return [
        ['type', 'filter'],
        ['↑↓', 'move'],
        ['Space', 'choose'],
        ['Tab', state.picker.browse ? 'search' : 'browse'],
        ...(state.picker.browse ? ([['←→', 'category']] as [string, string][]) : []),
        ['Enter', 'continue'],
        ['Esc', state.picker.query ? 'clear' : 'quit'],
      ];
    case 'interview':
      if (state.interview.editing) return [['↑↓', 'choose answer'], ['y n p u', 'change it'], ['Enter', 'done editing']];
      return [
        ...(hasQuestion ? ([['y', 'yes'], ['n', 'no'], ['p', 'partly'], ['u', 'unsure'], ['?', 'why']] as [string, string][]) : [['Enter', 'results'] as [string, string]]),
        ['b', 'back'],
        ['e', 'edit answers'],
        ...(state.interview.mode === 'adaptive' ? ([['a', 'ask everything']] as [string, string][]) : []),
        ['d', 'done'],
        ['q', 'quit'],
      ];
    case 'results':
      if (state.results.writingNote) return [['Enter', 'add note'], ['Esc', 'cancel']];
      return state.results.preview
        ? [['↑↓', 'scroll'], ['m', 'close preview'], ['e', 'export Markdown'], ['j', 'export JSON'], ['q', 'quit']]
        : [['↑↓', 'select'], ['Enter', 'details'], ['m', 'preview plan'], ['n', 'add a note'], ['e', 'export Markdown'], ['j', 'export JSON'], ['b', 'back'], ['q', 'quit']];
    case 'export':
      switch (state.exporter?.stage) {
        case 'confirm-overwrite':
          return [['y', 'overwrite'], ['n', 'choose another name']];
        case 'done':
        case 'failed':
          return [['any key', 'back to results']];
        default:
          return [['Enter', 'write'], ['Esc', 'cancel']];
      }
  }
}
