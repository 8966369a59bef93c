import { defineConfig } from 'vitest/config';

// Real-data checks: they read ../shared/data, which a user's clone does not have.
export default defineConfig({
  test: {
    include: ['tests/field/**/*.test.ts'],
    testTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
