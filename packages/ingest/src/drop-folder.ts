import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { FileReport } from '@crimestats/contracts';
import type { Logger } from 'pino';

export interface DropFolderOptions {
  /** Files dropped in `<dir>/incoming` are ingested, then moved to `processed/` or `refused/`. */
  dir: string;
  ingest(path: string): Promise<FileReport[]>;
  logger: Logger;
  /** How long a file must stop growing before it is read, so half-copied files are not. */
  settleMs?: number;
}

export interface DropFolder {
  /** Resolves when every file seen so far has been handled. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A watched drop folder for analysts who copy files rather than run commands. Files are handled
 * one at a time; each ends in `processed/` or `refused/` beside its report as JSON.
 */
export async function watchDropFolder(opts: DropFolderOptions): Promise<DropFolder> {
  const incoming = join(opts.dir, 'incoming');
  await Promise.all(
    ['incoming', 'processed', 'refused'].map((d) => mkdir(join(opts.dir, d), { recursive: true })),
  );
  let queue: Promise<void> = Promise.resolve();

  const handle = async (path: string): Promise<void> => {
    const name = basename(path);
    let reports: FileReport[];
    try {
      reports = await opts.ingest(path);
    } catch (error) {
      opts.logger.error({ err: error, file: name }, 'drop folder: could not ingest');
      reports = [];
    }
    const ok = reports.length > 0 && reports.every((r) => r.status === 'accepted');
    const target = join(
      opts.dir,
      ok ? 'processed' : 'refused',
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${name}`,
    );
    await rename(path, target);
    await writeFile(`${target}.report.json`, JSON.stringify({ file: name, ok, reports }, null, 2));
    opts.logger.info({ file: name, ok, moved: target }, 'drop folder: handled');
  };

  const watcher: FSWatcher = watch(incoming, {
    depth: 0,
    ignored: (path) => basename(path).startsWith('.'),
    awaitWriteFinish: { stabilityThreshold: opts.settleMs ?? 1000, pollInterval: 100 },
  });
  watcher.on('add', (path) => {
    queue = queue.then(() => handle(path));
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  opts.logger.info({ dir: incoming }, 'drop folder: watching');
  return {
    idle: async () => {
      // Wait for the settle period so files still being written are queued first.
      await new Promise((r) => setTimeout(r, (opts.settleMs ?? 1000) + 300));
      await queue;
    },
    close: async () => {
      await watcher.close();
      await queue;
    },
  };
}
