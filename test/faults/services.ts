import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { startAggregatorProcess } from '../../services/aggregator/src/testing/aggregator-process.ts';
import { serviceProcessEnv, type ServiceProcess } from '@crimestats/testkit';

const CLI = join(import.meta.dirname, '..', '..', 'services', 'cli', 'src', 'main.ts');

export interface Servers {
  brokers: string[];
  clickhouseUrl: string;
}

/** The settings of the services and commands of one case: its servers, database and group. */
export function pipelineEnv(servers: Servers, database: string): Record<string, string> {
  return {
    KAFKA_BROKERS: servers.brokers.join(','),
    CLICKHOUSE_URL: servers.clickhouseUrl,
    CLICKHOUSE_DATABASE: database,
    AGGREGATOR_GROUP_ID: `${database}_aggregator`,
    // Each fetch takes what is there, so the backfill is many batches and a kill lands inside one.
    AGGREGATOR_BATCH_WAIT_MS: '0',
  };
}

/** Aggregator instances of a case, one at a time; whatever is left running is killed at the end. */
export class Aggregators {
  current: ServiceProcess | undefined;
  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<ServiceProcess> {
    this.current = startAggregatorProcess({ ...this.env, LOG_LEVEL: 'info' });
    await this.current.address();
    return this.current;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.current?.child;
    this.current = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }
}

export interface CommandRun {
  child: ChildProcess;
  /** Resolves with the exit code and everything the command printed. */
  done: Promise<{ code: number | null; output: string }>;
}

/** A `crimestats` command in its own process, in distributed mode on the case's servers. */
export function crimestats(env: Record<string, string>, ...args: string[]): CommandRun {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: serviceProcessEnv({ LOG_LEVEL: 'warn', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const done = once(child, 'exit').then(([code]) => ({ code: code as number | null, output }));
  return { child, done };
}
