import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ColorContext } from '../../src/ui/color.js';
import { HighlightedText } from '../../src/ui/components/HighlightedText.js';
import { SymptomPicker } from '../../src/ui/components/SymptomPicker.js';
import { inputFocus, reduce, type Action } from '../../src/ui/reducer.js';
import { createUiEnv, pickerRows, type UiEnv } from '../../src/ui/selectors.js';
import { initialState, type State } from '../../src/ui/state.js';
import { bundledIndex } from '../support/bundled-knowledge.js';
import { withBundledUiEnv } from '../support/ink-app.js';

let env: UiEnv;
withBundledUiEnv((created) => (env = created));

const act = (state: State, action: Action) => reduce(state, action, env);
/** The picker after typing `query` into its filter, built with the pure reducer. */
function typed(query: string): State {
  const press = (state: State, input: string, key = {}) => act(state, { type: 'key', input, key, focus: inputFocus(state) });
  let state = press([...'Ops'].reduce((current, char) => press(current, char), initialState({ date: '2025-03-14' })), '', { return: true });
  for (const char of query) state = press(state, char);
  return state;
}

function picker(state: State, color = false, columns = 100) {
  const instance = render(
    <ColorContext.Provider value={color}>
      <SymptomPicker state={state} env={env} columns={columns} rows={30} />
    </ColorContext.Provider>,
  );
  return instance.lastFrame() ?? '';
}

const underline = '\u001B[4m';

describe('the picker shows why symptoms are listed', () => {
  it('underlines the words of a title that matched what was typed', () => {
    const previous = chalk.level;
    chalk.level = 1;
    try {
      const frame = picker(typed('afraid to deploy'), true);
      expect(frame).toContain(`${underline}`);
      expect(frame).toMatch(/\u001B\[4m(?:\u001B\[\d+m)*Afraid/);
      // The check can fail: with nothing typed, nothing is underlined.
      expect(picker(typed(''), true)).not.toContain(underline);
    } finally {
      chalk.level = previous;
    }
  });

  it('a query with only typos still lists the nearest symptoms, marked ~, and offers browsing', () => {
    const state = typed('mergr freezz');
    expect(pickerRows(state, env).length).toBeGreaterThan(0);
    const frame = picker(state);
    expect(frame).toContain('No close match; nearest (~) shown. Tab to browse.');
    expect(frame).toMatch(/\[ \] .*~/);
  });

  it('a query naming an anti-pattern says the symptoms listed are the ones it causes', () => {
    const frame = picker(typed('we have no canary'));
    expect(frame).toMatch(/Caused by ".+" first:/);
  });

  it('a confident match shows no notice and no ~', () => {
    const frame = picker(typed('nobody deploys on fridays'));
    expect(frame).not.toContain('No close match');
    const first = frame.split('\n').find((line) => line.includes('› [ ]'))!;
    expect(first).toContain('Afraid to ship: deploys feel too risky');
    expect(first).not.toMatch(/deploy ~/);
  });

  it('highlighting leaves the text itself unchanged', () => {
    const plain = render(<HighlightedText text="Nobody deploys on Fridays" words={['deploys', 'fridays']} />).lastFrame();
    expect(plain).toBe('Nobody deploys on Fridays');
  });
});

describe('the search index is built after the first frame', () => {
  it('creating the app environment does not build it; the first search or warmSearch does', async () => {
    const index = await bundledIndex();
    const lazy = createUiEnv(index);
    const start = performance.now();
    lazy.warmSearch();
    const built = performance.now() - start;
    const again = performance.now();
    lazy.warmSearch();
    expect(performance.now() - again).toBeLessThan(built);
    expect(lazy.search('merge freeze', 1)[0]?.id).toBe('merge-freeze');
  });
});
