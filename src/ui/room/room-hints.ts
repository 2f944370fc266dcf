import type { Hint, HintContext } from '../key-hints.js';
import type { State } from '../state.js';

/** Footer hints in facilitator mode; undefined where the normal footer applies. They follow room-reducer.ts. */
export function roomHints(state: State, context: HintContext): Hint[] | undefined {
  const room = state.room;
  if (state.screen === 'welcome' && state.metricsEditor) return [['↑↓', 'metric'], ['type', 'value (optional)'], ['Enter', 'continue'], ['Esc', 'back']];
  if (state.screen === 'welcome' && state.welcome.step === 'team') {
    if (room?.setup) return [['type', 'number of people'], ['Enter', 'continue'], ['Esc', 'back']];
    return [
      ['type', 'team name'],
      ['Tab', room ? 'one voice instead' : 'room mode (show of hands)'],
      ...(room ? [] : ([['↓', 'delivery metrics (optional)']] as Hint[])),
      ['Enter', 'continue'],
      ['Esc', 'quit'],
    ];
  }
  if (!room) return undefined;
  if (state.screen === 'interview' && !state.interview.editing) {
    if (!context.hasQuestion) return [['Enter', 'results'], ['Backspace', 'reopen last question'], ['Esc', 'symptoms'], ['q', 'quit']];
    return [
      ['y n p u', 'add a hand'],
      ['Backspace', 'take last back'],
      ['Enter', room.pending.length > 0 ? 'record and next' : 'next (count first)'],
      ['?', 'why'],
      ['d', 'done'],
      ...(room.pending.length === 0 ? ([['Esc', 'symptoms']] as Hint[]) : []),
      ['q', 'quit'],
    ];
  }
  if (state.screen === 'results' && room.voting) return [['↑↓', 'cause'], ['+', 'add a dot'], ['-', 'take one off'], ['Enter', 'done voting']];
  if (state.screen === 'results' && !state.results.notes && !state.results.steps && !state.results.preview) {
    const plan: Hint[] = context.coverage === 'left-out' ? [['p', 'add to plan']] : context.coverage === 'added' ? [['p', 'take out of plan']] : [];
    return [
      ['↑↓', 'select'],
      ['v', 'vote'],
      ['Enter', state.results.expanded ? 'hide details' : 'details'],
      ...plan,
      ['t', 'tick steps done'],
      ['m', 'preview plan'],
      ['n', 'notes'],
      ['e', 'export Markdown'],
      ['j', 'export JSON'],
      ['s', 'save session as'],
      ['Esc', 'questions'],
      ['q', 'quit'],
    ];
  }
  return undefined;
}
