import { OptionalBrokerListSchema } from '@crimestats/lifecycle';
import { z } from 'zod';

/**
 * How the test kit finds its servers. Given addresses win; otherwise Docker (testcontainers)
 * when an engine answers; otherwise local processes started by infra/local.
 */
const TestkitEnv = z.object({
  KAFKA_BROKERS: OptionalBrokerListSchema,
  CLICKHOUSE_URL: z.string().url().optional(),
  /** `auto` (default) probes for a Docker engine; `never` skips straight to local processes. */
  CRIMESTATS_TEST_DOCKER: z.enum(['auto', 'never']).default('auto'),
  CRIMESTATS_TEST_KAFKA_IMAGE: z.string().default('apache/kafka:3.9.1'),
  CRIMESTATS_TEST_CLICKHOUSE_IMAGE: z.string().default('clickhouse/clickhouse-server:25.8'),
});

export type TestkitConfig = z.infer<typeof TestkitEnv>;

export function loadTestkitConfig(env: NodeJS.ProcessEnv = process.env): TestkitConfig {
  return TestkitEnv.parse(env);
}

/**
 * The environment a service process started by a test runs with: this process's own (PATH, the
 * tsx cache, the test servers' variables) with the test's settings on top.
 */
export function serviceProcessEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...settings };
}

/**
 * The environment of a `crimestats` command a test runs in single-machine mode on `home`: the test
 * run's own Kafka and ClickHouse are not for it, and the deployment's force is left as it is
 * (Derbyshire).
 */
export function singleMachineProcessEnv(
  home: string,
  settings: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env = serviceProcessEnv({ CRIMESTATS_HOME: home, LOG_LEVEL: 'warn', ...settings });
  for (const name of ['KAFKA_BROKERS', 'CLICKHOUSE_URL', 'CRIMESTATS_PORT', 'CRIMESTATS_FORCE']) {
    if (!(name in settings)) delete env[name];
  }
  return env;
}
