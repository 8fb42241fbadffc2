import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync, existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  logFile: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Outlive this Node process (the development stack) instead of dying with it (tests). */
  detached?: boolean;
}

export interface RunningProcess {
  name: string;
  pid: number;
  logFile: string;
  /** Resolves with the exit code once the process has gone. */
  exited: Promise<number | null>;
}

const attached = new Set<number>();
let exitHookInstalled = false;

function killAttachedOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test run that crashes must not leave brokers behind holding ports and lock files.
  process.once('exit', () => {
    for (const pid of attached) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

export function startProcess(spec: ProcessSpec): RunningProcess {
  const out = openSync(spec.logFile, 'a');
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env ?? process.env,
    stdio: ['ignore', out, out],
    detached: spec.detached ?? false,
  });
  closeSync(out);
  if (child.pid === undefined) throw new Error(`${spec.name}: could not start ${spec.command}`);
  const pid = child.pid;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      attached.delete(pid);
      resolve(code);
    });
    child.once('error', () => resolve(null));
  });
  if (spec.detached) {
    child.unref();
  } else {
    attached.add(pid);
    killAttachedOnExit();
  }
  return { name: spec.name, pid, logFile: spec.logFile, exited };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** SIGTERM, then SIGKILL once the deadline passes; resolves when the process is gone. */
export async function stopPid(pid: number, deadlineMs = 10_000): Promise<void> {
  if (!isAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const until = Date.now() + deadlineMs;
  while (isAlive(pid) && Date.now() < until) await sleep(50);
  if (isAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      return;
    }
    while (isAlive(pid)) await sleep(20);
  }
}

export function tailOfLog(logFile: string, lines = 30): string {
  if (!existsSync(logFile)) return '(no log)';
  return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
}

/**
 * Polls `check` until it returns true. Fails early, with the log's tail, if the process exits,
 * so a broker that cannot start says why instead of timing out.
 */
export async function waitUntilReady(
  proc: RunningProcess,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  let exitCode: number | null | undefined;
  void proc.exited.then((code) => (exitCode = code));
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (exitCode !== undefined) {
      throw new Error(
        `${proc.name} exited with code ${exitCode} before it was ready. Log ${proc.logFile}:\n${tailOfLog(proc.logFile)}`,
      );
    }
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(
    `${proc.name} was not ready after ${timeoutMs} ms. Log ${proc.logFile}:\n${tailOfLog(proc.logFile)}`,
  );
}
