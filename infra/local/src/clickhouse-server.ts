import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { requireClickHouse } from './prerequisites.ts';
import { startProcess, waitUntilReady, type RunningProcess } from './managed-process.ts';
import { renderTemplate, templatePath } from './templates.ts';

export interface ClickHouseServerOptions {
  /** Holds the server's config and data. */
  dir: string;
  /** Where the server's logs go; defaults to `dir`/logs. */
  logDir?: string;
  httpPort: number;
  tcpPort: number;
  detached?: boolean;
  readyTimeoutMs?: number;
}

export interface StartedClickHouseServer {
  process: RunningProcess;
  url: string;
}

export async function clickHouseAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

export async function startClickHouseServer(
  opts: ClickHouseServerOptions,
): Promise<StartedClickHouseServer> {
  const { command, args } = requireClickHouse();
  const dataDir = join(opts.dir, 'data');
  const logDir = opts.logDir ?? join(opts.dir, 'logs');
  await mkdir(dataDir, { recursive: true });
  await mkdir(logDir, { recursive: true });
  const configFile = join(opts.dir, 'config.xml');
  await renderTemplate(
    'clickhouse-config.xml',
    {
      httpPort: opts.httpPort,
      tcpPort: opts.tcpPort,
      dataDir,
      logDir,
      usersConfig: templatePath('clickhouse-users.xml'),
    },
    configFile,
  );
  const proc = startProcess({
    name: 'clickhouse',
    command,
    args: [...args, `--config-file=${configFile}`],
    cwd: opts.dir,
    logFile: join(logDir, 'clickhouse-stdout.log'),
    detached: opts.detached,
  });
  const url = `http://127.0.0.1:${opts.httpPort}`;
  await waitUntilReady(proc, () => clickHouseAnswers(url), opts.readyTimeoutMs ?? 60_000);
  return { process: proc, url };
}
