import type { TestProject } from 'vitest/node';
import { loadTestkitConfig } from './config.ts';
import { acquireInfrastructure } from './infrastructure.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string[];
    clickhouseUrl: string;
  }
}

/** Vitest global setup for the integration project: one broker and one server for the whole run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const infra = await acquireInfrastructure(loadTestkitConfig(), (msg) =>
    console.log(`[testkit] ${msg}`),
  );
  console.log(
    `[testkit] kafka ${infra.kafka.brokers.join(',')} (${infra.kafka.source}), ` +
      `clickhouse ${infra.clickhouse.url} (${infra.clickhouse.source}) ready in ${Date.now() - started} ms`,
  );
  project.provide('kafkaBrokers', infra.kafka.brokers);
  project.provide('clickhouseUrl', infra.clickhouse.url);
  return async () => {
    await infra.stop();
  };
}
