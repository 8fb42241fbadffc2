import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { clickHouseAnswers, startClickHouseServer } from './clickhouse-server.ts';
import type { LocalStackConfig } from './config.ts';
import { kafkaAnswers, startKafkaBroker } from './kafka-broker.ts';
import { isAlive, stopPid } from './managed-process.ts';

/** What `stack:up` leaves behind so `stack:status` and `stack:down` can find it again. */
const StackState = z.object({
  kafka: z.object({ pid: z.number(), port: z.number(), controllerPort: z.number() }).optional(),
  clickhouse: z.object({ pid: z.number(), httpPort: z.number(), tcpPort: z.number() }).optional(),
});
type StackState = z.infer<typeof StackState>;

export interface ComponentStatus {
  name: 'kafka' | 'clickhouse';
  state: 'running' | 'starting-or-unhealthy' | 'stopped';
  pid?: number;
  address?: string;
}

const stateFile = (config: LocalStackConfig): string => join(config.stackDir, 'state.json');
export const logsDir = (config: LocalStackConfig): string => join(config.stackDir, 'logs');

async function readState(config: LocalStackConfig): Promise<StackState> {
  if (!existsSync(stateFile(config))) return {};
  return StackState.parse(JSON.parse(await readFile(stateFile(config), 'utf8')));
}

async function writeState(config: LocalStackConfig, state: StackState): Promise<void> {
  await mkdir(config.stackDir, { recursive: true });
  await writeFile(stateFile(config), JSON.stringify(state, null, 2));
}

export async function stackStatus(config: LocalStackConfig): Promise<ComponentStatus[]> {
  const state = await readState(config);
  const kafka: ComponentStatus = { name: 'kafka', state: 'stopped' };
  if (state.kafka && isAlive(state.kafka.pid)) {
    const address = `127.0.0.1:${state.kafka.port}`;
    const healthy = await kafkaAnswers([address]);
    Object.assign(kafka, {
      pid: state.kafka.pid,
      address,
      state: healthy ? 'running' : 'starting-or-unhealthy',
    });
  }
  const clickhouse: ComponentStatus = { name: 'clickhouse', state: 'stopped' };
  if (state.clickhouse && isAlive(state.clickhouse.pid)) {
    const address = `http://127.0.0.1:${state.clickhouse.httpPort}`;
    const healthy = await clickHouseAnswers(address);
    Object.assign(clickhouse, {
      pid: state.clickhouse.pid,
      address,
      state: healthy ? 'running' : 'starting-or-unhealthy',
    });
  }
  return [kafka, clickhouse];
}

/** Starts whatever is not already running; running parts are left alone, so it is safe to repeat. */
export async function stackUp(
  config: LocalStackConfig,
  say: (msg: string) => void,
): Promise<ComponentStatus[]> {
  const state = await readState(config);
  await mkdir(logsDir(config), { recursive: true });
  const current = await stackStatus(config);
  const running = (name: ComponentStatus['name']): boolean =>
    current.find((c) => c.name === name)?.state !== 'stopped';

  const starts: Promise<void>[] = [];
  if (running('kafka')) {
    say('kafka: already running');
  } else {
    say(`kafka: starting on 127.0.0.1:${config.ports.kafka}`);
    starts.push(
      startKafkaBroker({
        dir: join(config.stackDir, 'kafka'),
        port: config.ports.kafka,
        controllerPort: config.ports.kafkaController,
        cacheDir: config.cacheDir,
        logDir: logsDir(config),
        detached: true,
      }).then(({ process }) => {
        state.kafka = {
          pid: process.pid,
          port: config.ports.kafka,
          controllerPort: config.ports.kafkaController,
        };
      }),
    );
  }
  if (running('clickhouse')) {
    say('clickhouse: already running');
  } else {
    say(`clickhouse: starting on http://127.0.0.1:${config.ports.clickhouseHttp}`);
    starts.push(
      startClickHouseServer({
        dir: join(config.stackDir, 'clickhouse'),
        httpPort: config.ports.clickhouseHttp,
        tcpPort: config.ports.clickhouseTcp,
        logDir: logsDir(config),
        detached: true,
      }).then(({ process }) => {
        state.clickhouse = {
          pid: process.pid,
          httpPort: config.ports.clickhouseHttp,
          tcpPort: config.ports.clickhouseTcp,
        };
      }),
    );
  }
  const results = await Promise.allSettled(starts);
  await writeState(config, state);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return stackStatus(config);
}

export async function stackDown(
  config: LocalStackConfig,
  say: (msg: string) => void,
): Promise<void> {
  const state = await readState(config);
  for (const [name, part] of Object.entries(state)) {
    if (part && isAlive(part.pid)) {
      say(`${name}: stopping (pid ${part.pid})`);
      await stopPid(part.pid, 20_000);
    } else {
      say(`${name}: not running`);
    }
  }
  await rm(stateFile(config), { force: true });
}
