import { defineConfig } from 'vitest/config';

// Two projects in one run: fast pure tests, and integration tests that get a real Kafka broker
// and ClickHouse server from the test kit's global setup (started once per run, stopped at the end).
export default defineConfig({
  test: {
    // Two test files at a time even on two cores (vitest's default leaves one core free): the
    // integration tests spend most of their time waiting on the broker, the server and the
    // processes they start, and each has its own topics, databases and folders.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'services/*/src/**/*.test.ts',
            'infra/local/src/**/*.test.ts',
            'test/**/*.test.ts',
          ],
          // Fault cases (`pnpm test:faults`) start and restart servers of their own, for minutes.
          exclude: ['**/*.int.test.ts', '**/*.faults.test.ts', '**/node_modules/**'],
          // Property tests run hundreds of cases; on a busy two-core machine the default 5 s
          // deadline fails them for slowness alone. The deadline is there to catch hangs.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'test/**/*.int.test.ts',
            'packages/*/src/**/*.int.test.ts',
            'services/*/src/**/*.int.test.ts',
          ],
          exclude: ['**/node_modules/**'],
          globalSetup: ['packages/testkit/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
    ],
  },
});
