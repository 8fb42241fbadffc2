import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import {
  loadLocalStackConfig,
  startClickHouseServer,
  startKafkaBroker,
  stopPid,
} from '@crimestats/local-stack';

/**
 * A private Kafka broker and ClickHouse server that a fault test may stop and start again. Each
 * keeps its ports and data folder across restarts, so clients that knew the old address find the
 * same broker, topics, offsets and tables when it is back.
 */
export interface RestartableServers {
  brokers: string[];
  clickhouseUrl: string;
  /** Stops the broker (SIGTERM, as an operator would) and starts it again on its own data. */
  restartKafka(): Promise<void>;
  /**
   * Stops the ClickHouse server, at once with SIGKILL (a crash: nothing finishes first) or with
   * SIGTERM; nothing answers on its port until startClickHouse().
   */
  stopClickHouse(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  startClickHouse(): Promise<void>;
  /** Stops both and deletes their folder. */
  stop(): Promise<void>;
}

/**
 * Local processes only: a container's port mapping and state would not survive the restart the
 * same way, and the point is to restart the very server the services are connected to.
 */
export async function startRestartableServers(): Promise<RestartableServers> {
  const dir = await mkdtemp(join(tmpdir(), 'crimestats-faults-'));
  const { cacheDir } = loadLocalStackConfig();
  const kafkaOptions = {
    dir: join(dir, 'kafka'),
    port: await getPort(),
    controllerPort: await getPort(),
    cacheDir,
  };
  const clickhouseOptions = {
    dir: join(dir, 'clickhouse'),
    httpPort: await getPort(),
    tcpPort: await getPort(),
  };
  let kafkaPid: number | undefined;
  let clickhousePid: number | undefined;
  const stopKafka = async () => {
    if (kafkaPid !== undefined) await stopPid(kafkaPid, 30_000);
    kafkaPid = undefined;
  };
  const startKafka = async () => {
    kafkaPid = (await startKafkaBroker(kafkaOptions)).process.pid;
  };
  const stopClickHouse = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    if (clickhousePid === undefined) return;
    if (signal === 'SIGKILL') process.kill(clickhousePid, 'SIGKILL');
    // Waits until the process is gone (a killed one only has to be reaped).
    await stopPid(clickhousePid, 30_000);
    clickhousePid = undefined;
  };
  const startClickHouse = async () => {
    clickhousePid = (await startClickHouseServer(clickhouseOptions)).process.pid;
  };
  const stop = async () => {
    await Promise.allSettled([stopKafka(), stopClickHouse()]);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all([startKafka(), startClickHouse()]);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    brokers: [`127.0.0.1:${kafkaOptions.port}`],
    clickhouseUrl: `http://127.0.0.1:${clickhouseOptions.httpPort}`,
    restartKafka: async () => {
      await stopKafka();
      await startKafka();
    },
    stopClickHouse,
    startClickHouse,
    stop,
  };
}
