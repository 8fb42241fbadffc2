import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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
  /** Resolves once no file is waiting in `incoming/` and none is being ingested. */
  idle(): Promise<void>;
  /** Stops watching and waits for the file in progress; files still waiting stay for the next start. */
  close(): Promise<void>;
}

/** What `<name>.report.json` holds: a batch report (`files`, `ok`) with the file's name and any error. */
export interface DropFolderReport {
  file: string;
  ok: boolean;
  files: FileReport[];
  error?: string;
}

const POLL_MS = 100;
const INGESTIBLE = new Set(['.csv', '.zip']);

// Hidden names are copy tools' partial files (rsync's `.name.XXXXXX`) and desktop litter.
const isHidden = (path: string) => basename(path).startsWith('.');
// Only what `crimestats ingest` reads; anything else (`.part`, `.crdownload`, notes) is left alone.
const isIngestible = (path: string) =>
  !isHidden(path) && INGESTIBLE.has(extname(path).toLowerCase());

/** Waits until a file's size and mtime have not changed for `settleMs`; false if it vanished. */
async function settled(path: string, settleMs: number, stopped: () => boolean): Promise<boolean> {
  let last = await stat(path).catch(() => undefined);
  let since = Date.now();
  while (last && !stopped()) {
    if (Date.now() - since >= settleMs) return true;
    await sleep(POLL_MS);
    const now = await stat(path).catch(() => undefined);
    if (now && (now.size !== last.size || now.mtimeMs !== last.mtimeMs)) since = Date.now();
    last = now;
  }
  return false;
}

/** `name`, or `name.<time>.ext` when an earlier file of that name (or its report) is already there. */
function targetPath(folder: string, name: string): string {
  const plain = join(folder, name);
  if (!existsSync(plain) && !existsSync(`${plain}.report.json`)) return plain;
  const ext = extname(name);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return join(folder, `${name.slice(0, name.length - ext.length)}.${stamp}${ext}`);
}

/**
 * A watched drop folder for analysts who copy files rather than run commands. Files are handled
 * one at a time in arrival order; each ends in `processed/` (every file report accepted) or
 * `refused/`, beside `<name>.report.json`. Files already waiting at start are handled too.
 */
export async function watchDropFolder(opts: DropFolderOptions): Promise<DropFolder> {
  const settleMs = opts.settleMs ?? 1000;
  const incoming = join(opts.dir, 'incoming');
  await Promise.all(
    ['incoming', 'processed', 'refused'].map((d) => mkdir(join(opts.dir, d), { recursive: true })),
  );

  let closing = false;
  const waiting: string[] = [];
  /** Paths queued, settling or in progress, so a file reported twice is handled once. */
  const known = new Set<string>();
  /** Files that could not be moved out; `idle()` must not wait for them forever. */
  const stuck = new Set<string>();
  let worker: Promise<void> | undefined;

  const handle = async (path: string): Promise<void> => {
    const name = basename(path);
    // Reported twice (watcher and start-up scan) and already moved, or removed by the analyst.
    if (!existsSync(path)) return;
    const report: DropFolderReport = { file: name, ok: false, files: [] };
    try {
      report.files = await opts.ingest(path);
      report.ok = report.files.length > 0 && report.files.every((r) => r.status === 'accepted');
    } catch (error) {
      report.error = error instanceof Error ? error.message : String(error);
      opts.logger.error({ err: error, file: name }, 'drop folder: could not ingest');
    }
    const target = targetPath(join(opts.dir, report.ok ? 'processed' : 'refused'), name);
    try {
      await rename(path, target);
      await writeFile(`${target}.report.json`, `${JSON.stringify(report, null, 2)}\n`);
    } catch (error) {
      stuck.add(path);
      opts.logger.error({ err: error, file: name }, 'drop folder: could not move the file out');
      return;
    }
    const statuses = report.files.map((r) => r.status);
    opts.logger.info(
      { file: name, ok: report.ok, statuses, moved: target },
      'drop folder: handled',
    );
  };

  const work = async (): Promise<void> => {
    for (
      let path = waiting.shift();
      path !== undefined;
      path = closing ? undefined : waiting.shift()
    ) {
      try {
        await handle(path);
      } catch (error) {
        opts.logger.error({ err: error, file: basename(path) }, 'drop folder: failed');
      } finally {
        known.delete(path);
      }
    }
  };

  const enqueue = (path: string): void => {
    waiting.push(path);
    // `finally` runs asynchronously, so `worker` is always set before it is cleared.
    worker ??= work().finally(() => (worker = undefined));
  };

  const watcher: FSWatcher = watch(incoming, {
    depth: 0,
    ignoreInitial: true,
    ignored: isHidden,
    // Only applies to files that appear after start-up; files already there are settled below.
    awaitWriteFinish: { stabilityThreshold: settleMs, pollInterval: POLL_MS },
  });
  const arrived = (path: string): void => {
    if (closing || known.has(path) || !existsSync(path)) return;
    if (!isIngestible(path)) {
      opts.logger.warn({ file: basename(path) }, 'drop folder: ignored, not a .csv or .zip file');
      return;
    }
    known.add(path);
    enqueue(path);
  };
  watcher.on('add', arrived);
  // A file dropped again under a name just moved out can reach the watcher as a change, not an
  // add, when the two events come close together (a busy machine): it is a new arrival all the same.
  watcher.on('change', arrived);
  watcher.on('error', (error: unknown) => opts.logger.error({ err: error }, 'drop folder: watch'));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  // Files copied in while the service was down, or still being copied as it starts: chokidar
  // reports those at once, without waiting for writes to finish, so they are settled here.
  const existing = (await readdir(incoming)).filter(isIngestible).sort();
  for (const name of existing) {
    const path = join(incoming, name);
    if (known.has(path)) continue;
    known.add(path);
    void settled(path, settleMs, () => closing).then((ok) => {
      if (ok && !closing) enqueue(path);
      else known.delete(path);
    });
  }
  opts.logger.info({ dir: incoming, waiting: existing.length }, 'drop folder: watching');

  return {
    idle: async () => {
      while (!closing) {
        await worker;
        const names = (await readdir(incoming)).filter(isIngestible);
        const pending = names.filter((n) => !stuck.has(join(incoming, n)));
        if (pending.length === 0 && known.size === 0) return;
        await sleep(POLL_MS);
      }
    },
    close: async () => {
      closing = true;
      await watcher.close();
      await worker;
    },
  };
}
