import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { withReferenceAreas, withReferenceCategories } from '@crimestats/domain';
import {
  ReferenceFileError,
  readReferenceCategoriesFile,
  readReferenceFile,
  referenceFileKind,
} from '@crimestats/ingest';
import { loadReference, type ReferenceLoad, type Store } from '@crimestats/store';
import { forcesChanged } from './reference-changes.ts';

/** Exit status of a reference file that was read but refused (as for an ingested file). */
export const REFUSED_EXIT = 1;

/** What a load stored, and the forces whose figures it moved. */
export interface ReferenceLoaded {
  summary: string;
  forces: string[];
}

/** A reference file that was read and refused: the message names the file, line and column. */
export class ReferenceRefusedError extends Error {}

/** A reference file that could not be read at all (no such file, not CSV text). */
export class ReferenceUnreadableError extends Error {}

/**
 * Stores one reference file, areas or categories as its header says, after checking it against
 * what is already loaded: a file that would make the reference inconsistent is refused whole and
 * nothing of it is stored. The figures it moves are the caller's to recompute.
 */
export async function loadReferenceFile(store: Store, file: string): Promise<ReferenceLoaded> {
  const kind = await referenceFileKind(file).catch((error: Error) => {
    throw new ReferenceUnreadableError(error.message);
  });
  try {
    return kind === 'categories' ? await loadCategories(store, file) : await loadAreas(store, file);
  } catch (error) {
    if (error instanceof ReferenceFileError) throw new ReferenceRefusedError(error.message);
    if (error instanceof RangeError) throw new ReferenceRefusedError(`${file}: ${error.message}`);
    throw error;
  }
}

/** A list for a person to read: whole when short, else its count, first and last. */
export function listed(items: readonly string[], noun: string): string {
  if (items.length <= 5) return `${noun}${items.length === 1 ? '' : 's'} ${items.join(', ')}`;
  return `${items.length} ${noun}s (${items[0]} … ${items.at(-1)})`;
}

function loadOf(file: string): ReferenceLoad {
  return { file: basename(file), revision: Date.now(), batchId: randomUUID() };
}

async function loadAreas(store: Store, file: string): Promise<ReferenceLoaded> {
  const rows = await readReferenceFile(file);
  const before = await loadReference(store);
  withReferenceAreas(before.areas, rows);
  await store.referenceAreas.insert(rows, loadOf(file));
  const after = await loadReference(store);
  const forces = [...new Set(rows.map((row) => `${row.forceCode} ${row.forceName}`))];
  const counties = new Set(rows.flatMap((row) => row.countyCode ?? []));
  return {
    summary: `${file}: loaded ${rows.length} areas, ${counties.size} counties, ${listed(forces, 'force')}`,
    forces: forcesChanged(before.areas, after.areas),
  };
}

/**
 * No figures to recompute: a new category has no counts yet, and a loaded one cannot change its
 * label or parent.
 */
async function loadCategories(store: Store, file: string): Promise<ReferenceLoaded> {
  const before = await loadReference(store);
  const rows = await readReferenceCategoriesFile(file, before.categories);
  withReferenceCategories(before.categories, rows);
  await store.referenceCategories.insert(rows, loadOf(file));
  return {
    summary:
      `${file}: loaded ${rows.length} categories (${rows.map((row) => row.code).join(', ')}); ` +
      'monthly counts may now give them',
    forces: [],
  };
}
