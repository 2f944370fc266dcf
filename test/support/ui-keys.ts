import { inputFocus, reduce, type Action, type KeyInfo } from '../../src/ui/reducer.js';
import type { UiEnv } from '../../src/ui/selectors.js';
import type { State } from '../../src/ui/state.js';

/**
 * Key presses through the pure reducer, as the App dispatches them. `env` is read on each call,
 * so tests can build it in `beforeAll`.
 */
export function keyDriver(env: () => UiEnv) {
  const act = (state: State, action: Action) => reduce(state, action, env());
  /** One key press on the screen the state is showing. */
  const press = (state: State, input: string, key: KeyInfo = {}) => act(state, { type: 'key', input, key, focus: inputFocus(state) });
  const typeText = (state: State, text: string) => [...text].reduce((current, char) => press(current, char), state);
  const pressAll = (state: State, inputs: string) => [...inputs].reduce((current, input) => press(current, input), state);
  const enter = (state: State) => press(state, '', { return: true });
  return { act, press, typeText, pressAll, enter };
}
