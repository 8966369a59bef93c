import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    // A real PostgreSQL for the hub and postgres-store tests (started here unless SAIREN_TEST_PG_URL is set).
    globalSetup: ['tests/support/pg-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: integration suites start servers and child processes.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
