import { join } from 'node:path';
import { startServiceProcess, type ServiceProcess } from '@crimestats/testkit';

const main = join(import.meta.dirname, '..', 'main.ts');

export type AggregatorProcess = ServiceProcess;

/** The real aggregator service as a child process, its JSON log lines read as they come. */
export function startAggregatorProcess(env: Record<string, string>): AggregatorProcess {
  return startServiceProcess(main, 'aggregator started', env);
}
