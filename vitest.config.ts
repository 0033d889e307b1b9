import { defineConfig } from 'vitest/config';

// Unit and integration tests. End-to-end tests live in tests/e2e and run through Playwright.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'tests/faults/**', 'node_modules/**'],
    environment: 'node',
    globalSetup: ['tests/support/buildServer.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // PGlite instances are heavy; keep parallelism modest on a 2-core machine.
    maxWorkers: 2,
    env: { TZ: 'Europe/Amsterdam' },
  },
});
