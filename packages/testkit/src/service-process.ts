import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { serviceProcessEnv } from './config.ts';

export interface ServiceProcess {
  child: ChildProcess;
  /** Resolves once the service has logged `message` `times` times; rejects if it exits first. */
  seen(message: string, times?: number): Promise<void>;
  /** The service's HTTP address, once it has logged that it started. */
  address(): Promise<string>;
}

/**
 * A real service as a child process (`node --import tsx <main>`), its JSON log lines read as they
 * come. `startedMessage` is the line it logs, with its `port`, once it serves. `nodeArgs` go to
 * node itself (a benchmark's `--cpu-prof`, say).
 */
export function startServiceProcess(
  main: string,
  startedMessage: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): ServiceProcess {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', main], {
    env: serviceProcessEnv({ PORT: '0', LOG_LEVEL: 'info', ...env }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const counts = new Map<string, number>();
  let port: number | undefined;
  const waiters: { message: string; times: number; resolve: () => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const entry = JSON.parse(line) as { msg?: string; port?: number };
    const msg = entry.msg ?? '';
    if (msg === startedMessage) port = entry.port;
    counts.set(msg, (counts.get(msg) ?? 0) + 1);
    for (const w of waiters) if ((counts.get(w.message) ?? 0) >= w.times) w.resolve();
  });
  const seen = (message: string, times = 1) =>
    new Promise<void>((resolve, reject) => {
      if ((counts.get(message) ?? 0) >= times) return resolve();
      waiters.push({ message, times, resolve });
      child.once('exit', (code) =>
        reject(new Error(`service exited (${code}) before "${message}"`)),
      );
    });
  return {
    child,
    seen,
    address: async () => {
      await seen(startedMessage);
      return `http://127.0.0.1:${port}`;
    },
  };
}
