import { render } from 'ink';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import type { DoraClusters } from '../knowledge/dora-clusters-schema.js';
import { App } from './components/App.js';
import { createUiEnv } from './selectors.js';
import type { Services } from './services.js';
import type { State } from './state.js';
import { yogaReady } from './yoga-ready.js';

export type AppOptions = {
  index: KnowledgeIndex;
  services: Services;
  initial: State;
  color: boolean;
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  /** The published DORA clusters, for the delivery baseline of a room's report. */
  clusters?: DoraClusters;
};

/** Renders the app until the user leaves; resolves with the exit code (130 after Ctrl-C). */
export async function runApp({ index, services, initial, color, stdout, stdin, clusters }: AppOptions): Promise<number> {
  await yogaReady();
  let code = 0;
  const env = createUiEnv(index, clusters);
  const instance = render(<App env={env} services={services} initial={initial} color={color} onExit={(exitCode) => (code = exitCode)} />, {
    stdout,
    stdin,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  // The first frame is on screen: build the search index now, before the first keystroke is read.
  setTimeout(env.warmSearch, 0);
  await instance.waitUntilExit();
  return code;
}
