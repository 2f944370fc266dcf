import { cleanup } from 'ink-testing-library';
import { afterEach, beforeAll } from 'vitest';
import { createUiEnv, type UiEnv } from '../../src/ui/selectors.js';
import { bundledIndex } from './bundled-knowledge.js';

/**
 * For a file of Ink app tests: builds the app's environment over the bundled knowledge once
 * (handed to `use`, since tests read it as a plain variable) and unmounts every render after each test.
 */
export function withBundledUiEnv(use: (env: UiEnv) => void): void {
  beforeAll(async () => {
    use(createUiEnv(await bundledIndex()));
  });
  afterEach(() => {
    cleanup();
  });
}

/** Ink renders asynchronously: tests wait for a frame. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
