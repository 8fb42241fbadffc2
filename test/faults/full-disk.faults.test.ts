import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleMachineProcessEnv } from '@crimestats/testkit';
import { backfillFiles, BACKFILL_MONTHS } from './backfill-files.ts';
import { loadFaultsConfig } from './faults-config.ts';
import type { ComparableFigures } from './figures.ts';
import { recordRecovery } from './record-recovery.ts';
import { folderKb, onSmallDiskScript, privateMountsAvailable } from './small-disk.ts';

const config = loadFaultsConfig();
const CLI = join(import.meta.dirname, '..', '..', 'services', 'cli', 'src', 'main.ts');
const STATE = join(import.meta.dirname, 'single-machine-state.ts');
const DATABASE = 'crimestats';
const cli = (...args: string[]) => [process.execPath, '--import', 'tsx', CLI, ...args];

interface Run {
  code: number | null;
  output: string;
}

async function run(command: string[], home: string): Promise<Run> {
  const child = spawn(command[0]!, command.slice(1), {
    env: singleMachineProcessEnv(home),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

/** A home's figures and loads, read in a process of its own (chDB holds one folder per process). */
async function stateOf(home: string): Promise<{ figures: ComparableFigures; loads: string[] }> {
  const { code, output } = await run(
    [process.execPath, '--import', 'tsx', STATE, home, DATABASE],
    home,
  );
  if (code !== 0) throw new Error(`reading ${home} exited ${code}: ${output}`);
  return JSON.parse(output.trim().split('\n').pop()!) as {
    figures: ComparableFigures;
    loads: string[];
  };
}

/** The figures two homes disagree on, by area, category and period: a few, to read. */
function differences(actual: ComparableFigures, expected: ComparableFigures): string[] {
  const key = (f: ComparableFigures[number]) => `${f.areaCode} ${f.category} ${f.periodEnd}`;
  const byKey = new Map(expected.map((f) => [key(f), f]));
  const found = new Set(actual.map(key));
  return [
    ...actual
      .filter((f) => !isDeepStrictEqual(f, byKey.get(key(f))))
      .map((f) => `differs or extra: ${key(f)}`),
    ...expected.filter((f) => !found.has(key(f))).map((f) => `missing: ${key(f)}`),
  ].slice(0, 10);
}

const loadedFiles = (loads: string[]) => loads.map((l) => l.split('|')[0]!).sort();

/** The files a run's report says were accepted, by name. */
const acceptedIn = (output: string) =>
  [...output.matchAll(/^(\S+\.csv): accepted/gm)].map((m) => m[1]!.split('/').pop()!).sort();

// A real full disk, not a simulated one: RLIMIT_FSIZE (`ulimit -f`) was tried first, and the
// embedded engine does not report a write that fails with EFBIG: the insert succeeds, the part
// is cut short and dropped when the folder is next opened. A tmpfs in a private mount namespace
// gives ENOSPC, which the engine checks for before it writes, as on a full disk.
describe.skipIf(!privateMountsAvailable())('a full disk under the single-machine store', () => {
  let scratch: string;
  let base: string;
  let rest: string;

  beforeAll(async () => {
    // A small set: the single-machine pipeline recomputes after every file, and the point is
    // where the writes stop, not the volume.
    const files = await backfillFiles(BACKFILL_MONTHS * 1_000);
    scratch = mkdtempSync(join(tmpdir(), 'crimestats-faults-disk-'));
    base = join(scratch, 'base');
    rest = join(scratch, 'rest');
    mkdirSync(base);
    mkdirSync(rest);
    const names = readdirSync(files.folder).sort();
    names.forEach((name, i) =>
      cpSync(join(files.folder, name), join(i < names.length / 2 ? base : rest, name)),
    );
  }, 600_000);
  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('stops with a clear error and leaves nothing half-written', async () => {
    console.log(`[faults] full-disk: seed ${config.FAULTS_SEED} (FAULTS_SEED to repeat)`);
    const home = join(scratch, 'home');
    const first = await run(cli('ingest', base), home);
    expect(first.code, first.output).toBe(0);

    const disk = join(scratch, 'disk');
    const after = join(scratch, 'home-after');
    mkdirSync(disk);
    const sizeKb = folderKb(home) + config.FAULTS_DISK_HEADROOM_KB;
    const script = onSmallDiskScript(sizeKb);
    const full = await run(
      [
        'unshare',
        '-Urm',
        'bash',
        '-c',
        script,
        'on-small-disk',
        disk,
        home,
        after,
        ...cli('ingest', rest),
      ],
      home,
    );
    expect(full.code, full.output).toBe(1);
    // Refused before any write when the disk is nearly full; the engine's own refusal, named,
    // when it fills during a load.
    expect(full.output).toMatch(
      /the disk under \S+ is nearly full|the store in \S+ could not be written .*not enough space/,
    );
    const accepted = acceptedIn(full.output);
    expect(accepted.length, full.output).toBeLessThan(readdirSync(rest).length);
    const state = await stateOf(after);
    // A file's load is on record exactly when the run reported it accepted.
    expect(loadedFiles(state.loads)).toEqual([...readdirSync(base), ...accepted].sort());
    // And the figures are a clean home's given exactly the files that were accepted.
    const partial = join(scratch, 'partial');
    mkdirSync(partial);
    for (const name of readdirSync(base)) cpSync(join(base, name), join(partial, name));
    for (const name of accepted) cpSync(join(rest, name), join(partial, name));
    const cleanPartial = join(scratch, 'clean-partial');
    expect((await run(cli('ingest', partial), cleanPartial)).code).toBe(0);
    expect(differences(state.figures, (await stateOf(cleanPartial)).figures)).toEqual([]);

    // Space freed: the same command again completes the load.
    const cleanAll = join(scratch, 'clean-all');
    expect((await run(cli('ingest', base, rest), cleanAll)).code).toBe(0);
    const expected = (await stateOf(cleanAll)).figures;
    const freed = performance.now();
    const again = await run(cli('ingest', rest), after);
    expect(again.code, again.output).toBe(0);
    const recovered = await stateOf(after);
    const recoveryMs = performance.now() - freed;
    expect(differences(recovered.figures, expected)).toEqual([]);
    recordRecovery({
      name: 'full disk (single machine)',
      recoveryMs,
      seed: config.FAULTS_SEED,
      detail: `${config.FAULTS_DISK_HEADROOM_KB} KiB free; ${accepted.length} of ${readdirSync(rest).length} files accepted before the disk was full; recovery is the same ingest again`,
    });
  }, 1_800_000);
});
