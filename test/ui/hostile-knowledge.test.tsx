import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import { indexKnowledge } from '../../src/engine/knowledge-index.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { App } from '../../src/ui/components/App.js';
import { createUiEnv, type UiEnv } from '../../src/ui/selectors.js';
import type { Services } from '../../src/ui/services.js';
import { initialState } from '../../src/ui/state.js';
import { bundledIndex } from '../support/bundled-knowledge.js';

/** C0 (other than tab and line feed), DEL and C1: what must never reach the terminal or an export raw. */
const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let env: UiEnv;
let symptomId: string;
beforeAll(async () => {
  const bundled = await bundledIndex();
  // A knowledge pack as someone might write it: colour codes pasted into a title, a window-title escape in the summary.
  // The symptom the picker highlights first, so its title and summary are both on screen.
  symptomId = 'database-migrations-block-deploys';
  const symptoms = bundled.knowledge.symptoms.map((symptom) =>
    symptom.id === symptomId ? { ...symptom, title: 'Deploys \u001b[31mbanned\u001b[0m on Fridays\u0007', summary: 'A \u001b]0;pwned\u0007 rule \u009b2J forbids late changes.' } : symptom,
  );
  env = createUiEnv(indexKnowledge({ ...bundled.knowledge, symptoms }));
});
afterEach(() => cleanup());

const services: Services = {
  saveSession: () => ({ ok: true }),
  saveSessionAs: async (path) => ({ outcome: 'written', message: path }),
  writeExport: async (path) => ({ outcome: 'written', message: path }),
};

describe('knowledge text with control characters', () => {
  it('shows them as visible escapes in the app, never as raw escape sequences', async () => {
    const app = render(<App env={env} services={services} initial={{ ...initialState({ date: '2026-12-02' }), screen: 'picker' }} color={false} onExit={vi.fn()} />);
    const until = Date.now() + 5_000;
    while (!(app.lastFrame() ?? '').includes('banned') && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    const frame = app.lastFrame() ?? '';
    expect(frame).toContain('Deploys \\u001b[31mbanned');
    expect(frame).not.toMatch(rawControl);
  });

  it('exports a Markdown plan without them', () => {
    const diagnosis = diagnose(env.index, { version: 1, symptoms: [symptomId], answers: {} });
    const markdown = renderMarkdownReport(diagnosis, env.index);
    expect(markdown).toContain('u001b');
    expect(markdown).not.toMatch(rawControl);
  });
});
