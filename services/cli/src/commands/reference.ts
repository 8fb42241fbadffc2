import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { Command } from 'commander';
import { withReferenceAreas, withReferenceCategories } from '@crimestats/domain';
import {
  ReferenceFileError,
  readReferenceCategoriesFile,
  readReferenceFile,
  referenceFileKind,
} from '@crimestats/ingest';
import { loadReference, type ReferenceLoad } from '@crimestats/store';
import { runningServer } from '@crimestats/single-machine';
import { loadCliConfig, type CliConfig } from '../config.ts';
import { UserError } from '../user-error.ts';
import { forcesChanged } from './reference-changes.ts';
import { recomputeForces } from './reference-recompute.ts';
import { figuresStoreOptions, withReportStore } from './report/store.ts';

/** Exit status of a reference file that was read but refused (as for an ingested file). */
const REFUSED_EXIT = 1;

/** What a load stored, and the forces whose figures it moved. */
interface Loaded {
  summary: string;
  forces: string[];
}

/**
 * `crimestats reference load <file>`: stores a force's (or several forces') CSP areas with their
 * counties and forces, or the categories only its own data carries, so its files can be ingested
 * and reported on with no code change. The store keeps every load; the latest revision of an area
 * or category wins. Figures the load changes are recomputed before the command returns.
 */
export function referenceCommand(): Command {
  return new Command('reference')
    .description('reference data: the areas, counties, forces and categories figures are for')
    .addCommand(
      new Command('load')
        .description(
          'load CSP areas with their force and county (area_code,area_name,force_code,force_name,' +
            'police_uk_name[,county_code,county_name] or an ONS LAD/CSP to PFA lookup), or the ' +
            "force's own categories (code,label,parent)",
        )
        .argument('<file>', 'a reference areas or categories CSV')
        .action(async (file: string) => {
          const config = loadCliConfig();
          if (config.mode === 'single-machine' && (await runningServer(config.home))) {
            throw new UserError(
              'reference load writes to the store `crimestats up` holds open; stop it first',
            );
          }
          const kind = await referenceFileKind(file).catch((error: Error) => {
            throw new UserError(error.message);
          });
          const loaded = await refusingBadFiles(file, () =>
            kind === 'categories' ? loadCategories(config, file) : loadAreas(config, file),
          );
          console.log(loaded.summary);
          if (loaded.forces.length > 0) {
            const forces = listed(loaded.forces, 'force');
            console.log(`recomputing the figures of ${forces}…`);
            const done = await recomputeForces(config, loaded.forces);
            console.log(`recomputed ${done.figures} figures of ${forces}, ${done.updates} changed`);
          }
          if (config.mode === 'distributed') {
            console.log(
              'running services read the loaded reference within a few seconds; no restart needed',
            );
          }
        }),
    );
}

/** A refused file exits 1 with its problems, as an ingested file does. */
async function refusingBadFiles<T>(file: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ReferenceFileError) throw new UserError(error.message, REFUSED_EXIT);
    if (error instanceof RangeError) throw new UserError(`${file}: ${error.message}`, REFUSED_EXIT);
    throw error;
  }
}

/** A list for a person to read: whole when short, else its count, first and last. */
function listed(items: readonly string[], noun: string): string {
  if (items.length <= 5) return `${noun}${items.length === 1 ? '' : 's'} ${items.join(', ')}`;
  return `${items.length} ${noun}s (${items[0]} … ${items.at(-1)})`;
}

function loadOf(file: string): ReferenceLoad {
  return { file: basename(file), revision: Date.now(), batchId: randomUUID() };
}

async function loadAreas(config: CliConfig, file: string): Promise<Loaded> {
  const rows = await readReferenceFile(file);
  return withReportStore(figuresStoreOptions(config), async (store) => {
    // Checked against what is already loaded before anything is stored: a file that would make
    // the reference inconsistent (two areas of one name) is refused whole.
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
  });
}

/**
 * No figures to recompute: a new category has no counts yet, and a loaded one cannot change its
 * label or parent.
 */
async function loadCategories(config: CliConfig, file: string): Promise<Loaded> {
  return withReportStore(figuresStoreOptions(config), async (store) => {
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
  });
}
