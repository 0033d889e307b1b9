import { defineConfig } from 'vitest/config';

// The fault suite (`npm run test:faults`): real server processes that are killed, and a private
// PostgreSQL cluster that is restarted. One file at a time: the faults must not overlap.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/buildServer.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
    env: { TZ: 'Europe/Amsterdam' },
  },
});
