import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { singleMachineProcessEnv } from '@crimestats/testkit';

const MAIN = join(import.meta.dirname, '..', 'main.ts');

export interface RunningUp {
  child: ChildProcess;
  /** The server's base address, without the trailing slash. */
  url: string;
  /** The local analyst token `up` prints. */
  token: string;
  /** Everything it has written so far: its banner on stdout, its logs on stderr. */
  output(): { stdout: string; stderr: string };
  stop(): Promise<void>;
}

/** Starts `crimestats up --port 0` and reads its address and token from what it prints. */
export function startUp(
  home: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<RunningUp> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'up', '--port', '0', ...args], {
    env: singleMachineProcessEnv(home, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const deadline = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(deadline);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`crimestats up did not start within 100 s\n${stdout}\n${stderr}`));
    }, 100_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(
        new Error(`crimestats up exited (${code}) before it was running\n${stdout}\n${stderr}`),
      );
    };
    child.once('exit', onExit);
    child.stdout!.on('data', () => {
      const url = /crimestats is running at (http:\/\/\S+?)\/?$/m.exec(stdout)?.[1];
      const token = /^analyst token(?: \(new\))?: (\S+)$/m.exec(stdout)?.[1];
      if (url === undefined || token === undefined) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({ child, url, token, stop, output: () => ({ stdout, stderr }) });
    });
  });
}

/** A finished `crimestats` command: its exit code and output. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one `crimestats` command to its end. */
export async function runCli(
  home: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: singleMachineProcessEnv(home, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** The arguments of `report compare` for a force's JSON answer, as the tests ask it. */
export function compareJsonArgs(
  force: string,
  category: string,
  period: string,
  months?: number,
): string[] {
  return [
    ...['report', 'compare', '--force', force, '--category', category, '--period', period],
    ...(months === undefined ? [] : ['--months', String(months)]),
    ...['--format', 'json'],
  ];
}

/** A test's own folder: a single-machine home in it, files written beside, the CLI run on it. */
export interface CliScratch {
  folder: string;
  home: string;
  /** Runs the CLI in single-machine mode on this scratch's home. */
  crimestats(...args: string[]): Promise<CliRun>;
  /** Writes a file into the folder; its path. */
  file(name: string, text: string): string;
  remove(): void;
}

export function cliScratch(prefix: string): CliScratch {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  const home = join(folder, 'home');
  return {
    folder,
    home,
    crimestats: (...args) => runCli(home, args),
    file: (name, text) => {
      const path = join(folder, name);
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
