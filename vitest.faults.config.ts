import { defineConfig } from 'vitest/config';

// `pnpm test:faults`: every case starts its own Kafka broker and ClickHouse server (it stops and
// restarts them), so there is no shared global server here, and the files run one at a time: a
// case's recovery time must not be another case's load.
export default defineConfig({
  test: {
    name: 'faults',
    include: ['test/faults/**/*.faults.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['test/faults/recovery-report.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
  },
});
