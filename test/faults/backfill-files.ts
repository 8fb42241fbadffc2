import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMonths, parseMonth } from '@crimestats/domain';
import { writePoliceUkFile } from '../../packages/ingest/src/testing/generate-police-uk.ts';

/** Two years of months, so each month's file is its own batch of records and of figures. */
export const BACKFILL_MONTHS = 24;

export interface BackfillFiles {
  folder: string;
  rows: number;
}

/** The files' own seed: the run's seed picks the fault points, and the files stay the same. */
const FILES_SEED = 1;

/**
 * A backfill of Derbyshire police.uk street files, `rows` rows spread over BACKFILL_MONTHS monthly
 * files. Kept between runs in the system's temporary folder (only a whole set is ever renamed
 * into place), as a million rows take a while to write.
 */
export async function backfillFiles(rows: number, seed = FILES_SEED): Promise<BackfillFiles> {
  const folder = join(tmpdir(), `crimestats-faults-backfill-${rows}-${seed}`);
  if (existsSync(folder)) return { folder, rows };
  const scratch = `${folder}.partial-${process.pid}`;
  mkdirSync(scratch, { recursive: true });
  const first = parseMonth('2024-01');
  for (let i = 0; i < BACKFILL_MONTHS; i++) {
    const month = addMonths(first, i);
    const share = Math.floor(rows / BACKFILL_MONTHS) + (i < rows % BACKFILL_MONTHS ? 1 : 0);
    await writePoliceUkFile(join(scratch, `${month}-derbyshire-street.csv`), {
      rows: share,
      month,
      seed: seed + i,
    });
  }
  try {
    renameSync(scratch, folder);
  } catch (error) {
    // Another run wrote the same set first; it is as good as this one.
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(folder)) throw error;
  }
  return { folder, rows };
}
