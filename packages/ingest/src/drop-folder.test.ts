import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { BatchReportSchema, type FileReport } from '@crimestats/contracts';
import { defaultAreas, defaultCategories } from '@crimestats/domain';
import { watchDropFolder, type DropFolder, type DropFolderReport } from './drop-folder.ts';
import { ingestSources } from './ingest-batch.ts';
import { expandInputs } from './sources.ts';
import { MemorySink } from './testing/memory-sink.ts';
import { tempFolder } from './testing/temp-files.ts';

const SETTLE_MS = 200;
const logger = pino({ level: 'silent' });
const HEADER = 'month,area_code,category,count';
const good = [HEADER, '2025-01,E07000039,shoplifting,12', '2025-01,E06000015,shoplifting,40'];

let open: { folder: DropFolder; dir: string }[] = [];
afterEach(async () => {
  await Promise.all(open.map((o) => o.folder.close()));
  for (const { dir } of open) rmSync(dir, { recursive: true, force: true });
  open = [];
});

/** A drop folder whose ingest is the real path (expandInputs + ingestSources) into a MemorySink. */
async function start(dir: string, ingest?: (path: string) => Promise<FileReport[]>) {
  const sink = new MemorySink();
  const seen: { path: string; rows: number }[] = [];
  const folder = await watchDropFolder({
    dir,
    logger,
    settleMs: SETTLE_MS,
    ingest:
      ingest ??
      (async (path) => {
        const report = await ingestSources(await expandInputs([path]), {
          areas: defaultAreas,
          categories: defaultCategories,
          force: defaultAreas.get('E23000018'),
          sink,
        });
        seen.push({ path, rows: report.files[0]?.rows ?? 0 });
        return report.files;
      }),
  });
  open.push({ folder, dir });
  return { folder, sink, seen };
}

const reportOf = (path: string): DropFolderReport =>
  JSON.parse(readFileSync(`${path}.report.json`, 'utf8')) as DropFolderReport;
const ls = (dir: string, sub: string) => readdirSync(join(dir, sub)).sort();

// File watching under a busy machine (the whole suite on two cores) can take seconds to report.
describe('drop folder', { timeout: 30_000 }, () => {
  it('ingests a dropped file once it has settled and moves it to processed/ with its report', async () => {
    const { dir } = tempFolder();
    const { folder, sink } = await start(dir);
    writeFileSync(join(dir, 'incoming', 'counts.csv'), `${good.join('\n')}\n`);
    await folder.idle();

    expect(ls(dir, 'incoming')).toEqual([]);
    expect(ls(dir, 'processed')).toEqual(['counts.csv', 'counts.csv.report.json']);
    const report = reportOf(join(dir, 'processed', 'counts.csv'));
    expect(report).toMatchObject({ file: 'counts.csv', ok: true });
    expect(BatchReportSchema.parse(report).files[0]).toMatchObject({
      status: 'accepted',
      rows: 2,
      records: 2,
    });
    expect(sink.records.map((r) => r.count).sort()).toEqual([12, 40]);
  });

  it('moves a file with an invalid row to refused/, publishing nothing, and says why', async () => {
    const { dir } = tempFolder();
    const { folder, sink } = await start(dir);
    writeFileSync(
      join(dir, 'incoming', 'bad.csv'),
      `${[...good, '2025-13,E07000039,shoplifting,1'].join('\n')}\n`,
    );
    await folder.idle();

    expect(ls(dir, 'refused')).toEqual(['bad.csv', 'bad.csv.report.json']);
    const report = reportOf(join(dir, 'refused', 'bad.csv'));
    expect(report.ok).toBe(false);
    expect(report.files[0]).toMatchObject({ status: 'refused', problemCount: 1 });
    expect(report.files[0]?.problems[0]).toMatchObject({ line: 4, field: 'month' });
    expect(sink.records).toEqual([]);
  });

  it('handles files already waiting at start, including one still being written', async () => {
    const { dir, write } = tempFolder();
    mkdirSync(join(dir, 'incoming'));
    write('incoming/early.csv', `${good.join('\n')}\n`);
    const growing = write('incoming/growing.csv', `${good[0]}\n${good[1]}\n`);
    const { folder, seen } = await start(dir);
    // Still being copied when the service started: it must be read whole, not as it was then.
    await sleep(SETTLE_MS / 2);
    appendFileSync(growing, `${good[2]}\n`);
    await folder.idle();

    expect(ls(dir, 'processed')).toEqual([
      'early.csv',
      'early.csv.report.json',
      'growing.csv',
      'growing.csv.report.json',
    ]);
    expect(seen.map((s) => s.rows)).toEqual([2, 2]);
  });

  it('does not read a file while it is still being copied in', async () => {
    const { dir } = tempFolder();
    const { folder, seen } = await start(dir);
    const path = join(dir, 'incoming', 'slow.csv');
    writeFileSync(path, `${HEADER}\n`);
    for (const line of good.slice(1)) {
      await sleep(SETTLE_MS / 2);
      appendFileSync(path, `${line}\n`);
    }
    await folder.idle();
    expect(seen).toEqual([{ path, rows: 2 }]);
  });

  it('handles one file at a time, ignores other kinds of file, and keeps earlier files of the same name', async () => {
    const { dir } = tempFolder();
    let running = 0;
    let most = 0;
    const { folder } = await start(dir, async () => {
      most = Math.max(most, ++running);
      await sleep(50);
      running--;
      return [];
    });
    for (const name of ['a.csv', 'b.csv', 'c.zip', 'notes.txt', '.a.csv.partial']) {
      writeFileSync(join(dir, 'incoming', name), 'x\n');
    }
    await folder.idle();
    writeFileSync(join(dir, 'incoming', 'a.csv'), 'again\n');
    await folder.idle();

    expect(most).toBe(1);
    expect(ls(dir, 'incoming')).toEqual(['.a.csv.partial', 'notes.txt']);
    const refused = ls(dir, 'refused');
    expect(refused.filter((n) => !n.endsWith('.report.json'))).toHaveLength(4);
    expect(refused).toContain('a.csv');
    expect(refused.filter((n) => /^a\..+\.csv$/.test(n))).toHaveLength(1);
  });

  it('refuses a file whose ingest throws, keeping the reason in the report', async () => {
    const { dir } = tempFolder();
    const { folder } = await start(dir, async () => {
      throw new Error('archive has no street files');
    });
    writeFileSync(join(dir, 'incoming', 'x.zip'), 'not a zip');
    await folder.idle();
    expect(reportOf(join(dir, 'refused', 'x.zip'))).toEqual({
      file: 'x.zip',
      ok: false,
      files: [],
      error: 'archive has no street files',
    });
  });

  it('on close, finishes the file in progress and leaves the waiting ones for the next start', async () => {
    const { dir } = tempFolder();
    let release!: () => void;
    const started: string[] = [];
    const { folder } = await start(dir, async (path) => {
      started.push(path);
      await new Promise<void>((r) => (release = r));
      return [];
    });
    writeFileSync(join(dir, 'incoming', 'first.csv'), 'x\n');
    writeFileSync(join(dir, 'incoming', 'second.csv'), 'x\n');
    while (started.length === 0) await sleep(20);

    let closed = false;
    const closing = folder.close().then(() => (closed = true));
    await sleep(50);
    expect(closed).toBe(false);
    release();
    await closing;
    expect(started).toHaveLength(1);
    const done = basename(started[0]!);
    expect(existsSync(join(dir, 'refused', done))).toBe(true);
    expect(ls(dir, 'incoming')).toEqual(['first.csv', 'second.csv'].filter((n) => n !== done));
  });
});
