import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Ink renders nothing until exit when CI=true.
    // The browser test still needs to know whether it runs in CI, so the real value is kept aside.
    env: { CI: 'false', FORCE_COLOR: '0', DEPLOY_DOCTOR_OUTER_CI: process.env.CI ?? '' },
    testTimeout: 20_000,
    pool: 'forks',
  },
});
