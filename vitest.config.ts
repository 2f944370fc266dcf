import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Ink renders nothing until exit when CI=true.
    env: { CI: 'false', FORCE_COLOR: '0' },
    testTimeout: 20_000,
    pool: 'forks',
  },
});
