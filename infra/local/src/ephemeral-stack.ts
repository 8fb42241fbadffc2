import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import { startClickHouseServer } from './clickhouse-server.ts';
import { startKafkaBroker } from './kafka-broker.ts';
import { stopPid } from './managed-process.ts';

export interface EphemeralStackOptions {
  kafka: boolean;
  clickhouse: boolean;
  cacheDir: string;
}

export interface EphemeralStack {
  brokers?: string[];
  clickhouseUrl?: string;
  /** Stops everything this stack started and deletes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts private servers on free ports in a throwaway folder, for one test run. They die with
 * this process if it crashes, and `stop()` removes every trace.
 */
export async function startEphemeralStack(opts: EphemeralStackOptions): Promise<EphemeralStack> {
  const dir = await mkdtemp(join(tmpdir(), 'crimestats-stack-'));
  const pids: number[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(pids.map((pid) => stopPid(pid, 10_000)));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    // allSettled, so a failure of one never leaves the other starting unseen after stop().
    const [kafkaResult, clickhouseResult] = await Promise.allSettled([
      opts.kafka
        ? (async () => {
            const [port, controllerPort] = [await getPort(), await getPort()];
            const started = await startKafkaBroker({
              dir: join(dir, 'kafka'),
              port,
              controllerPort,
              cacheDir: opts.cacheDir,
            });
            pids.push(started.process.pid);
            return started;
          })()
        : undefined,
      opts.clickhouse
        ? (async () => {
            const [httpPort, tcpPort] = [await getPort(), await getPort()];
            const started = await startClickHouseServer({
              dir: join(dir, 'clickhouse'),
              httpPort,
              tcpPort,
            });
            pids.push(started.process.pid);
            return started;
          })()
        : undefined,
    ]);
    if (kafkaResult.status === 'rejected') throw kafkaResult.reason;
    if (clickhouseResult.status === 'rejected') throw clickhouseResult.reason;
    return {
      brokers: kafkaResult.value?.brokers,
      clickhouseUrl: clickhouseResult.value?.url,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
