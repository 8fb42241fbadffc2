import { loadLocalStackConfig, startEphemeralStack } from '@crimestats/local-stack';
import type { TestkitConfig } from './config.ts';
import { startClickHouseContainer, startKafkaContainer } from './containers.ts';
import { dockerReachable } from './docker.ts';

export type ServerSource = 'environment' | 'testcontainers' | 'local-process';

export interface TestInfrastructure {
  kafka: { brokers: string[]; source: ServerSource };
  clickhouse: { url: string; source: ServerSource };
  /** Stops everything this call started (nothing, for given addresses). */
  stop(): Promise<void>;
}

/**
 * Gives the integration tests a real Kafka broker and a real ClickHouse server, in this order:
 * addresses named by the environment, containers when a Docker engine answers, local processes.
 */
export async function acquireInfrastructure(
  config: TestkitConfig,
  say: (msg: string) => void = () => {},
): Promise<TestInfrastructure> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    await Promise.allSettled(stops.reverse().map((s) => s()));
  };
  try {
    let brokers = config.KAFKA_BROKERS;
    let clickhouseUrl = config.CLICKHOUSE_URL;
    const result: TestInfrastructure = {
      kafka: { brokers: brokers ?? [], source: brokers ? 'environment' : 'local-process' },
      clickhouse: {
        url: clickhouseUrl ?? '',
        source: clickhouseUrl ? 'environment' : 'local-process',
      },
      stop,
    };
    if (brokers && clickhouseUrl) return result;

    if (config.CRIMESTATS_TEST_DOCKER === 'auto' && (await dockerReachable())) {
      say('Docker engine reachable: starting containers');
      const [kafka, clickhouse] = await Promise.all([
        brokers ? undefined : startKafkaContainer(config.CRIMESTATS_TEST_KAFKA_IMAGE),
        clickhouseUrl
          ? undefined
          : startClickHouseContainer(config.CRIMESTATS_TEST_CLICKHOUSE_IMAGE),
      ]);
      if (kafka) {
        stops.push(kafka.stop);
        result.kafka = { brokers: kafka.value, source: 'testcontainers' };
      }
      if (clickhouse) {
        stops.push(clickhouse.stop);
        result.clickhouse = { url: clickhouse.value, source: 'testcontainers' };
      }
      return result;
    }

    say('No Docker engine: starting a local Kafka broker and ClickHouse server');
    const stack = await startEphemeralStack({
      kafka: !brokers,
      clickhouse: !clickhouseUrl,
      cacheDir: loadLocalStackConfig().cacheDir,
    });
    stops.push(stack.stop);
    brokers = brokers ?? stack.brokers;
    clickhouseUrl = clickhouseUrl ?? stack.clickhouseUrl;
    if (!brokers || !clickhouseUrl) throw new Error('local stack started without an address');
    result.kafka.brokers = brokers;
    result.clickhouse.url = clickhouseUrl;
    return result;
  } catch (error) {
    await stop();
    throw error;
  }
}
