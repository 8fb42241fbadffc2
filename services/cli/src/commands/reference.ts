import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { Command } from 'commander';
import { withReferenceAreas } from '@crimestats/domain';
import { ReferenceFileError, readReferenceFile } from '@crimestats/ingest';
import { loadReference } from '@crimestats/store';
import { runningServer } from '@crimestats/single-machine';
import { loadCliConfig } from '../config.ts';
import { UserError } from '../user-error.ts';
import { figuresStoreOptions, withReportStore } from './report/store.ts';

/** Exit status of a reference file that was read but refused (as for an ingested file). */
const REFUSED_EXIT = 1;

/**
 * `crimestats reference load <file>`: stores a force's (or several forces') CSP areas with their
 * counties and forces, so its files can be ingested and reported on with no code change. The
 * store keeps every load; the latest revision of an area wins.
 */
export function referenceCommand(): Command {
  return new Command('reference')
    .description('reference data: the areas, counties and forces figures are computed for')
    .addCommand(
      new Command('load')
        .description(
          'load CSP areas with their force and county (area_code,area_name,force_code,force_name,' +
            'police_uk_name[,county_code,county_name] or an ONS LAD/CSP to PFA lookup)',
        )
        .argument('<file>', 'a reference areas CSV')
        .action(async (file: string) => {
          const config = loadCliConfig();
          if (config.mode === 'single-machine' && (await runningServer(config.home))) {
            throw new UserError(
              'reference load writes to the store `crimestats up` holds open; stop it first',
            );
          }
          const rows = await readReferenceFile(file).catch((error: Error) => {
            throw new UserError(
              error.message,
              error instanceof ReferenceFileError ? REFUSED_EXIT : undefined,
            );
          });
          const summary = await withReportStore(figuresStoreOptions(config), async (store) => {
            // Checked against what is already loaded before anything is stored: a file that
            // would make the reference inconsistent (two areas of one name) is refused whole.
            const current = await loadReference(store);
            try {
              withReferenceAreas(current.areas, rows);
            } catch (error) {
              throw new UserError(
                `${file}: ${error instanceof Error ? error.message : String(error)}`,
                REFUSED_EXIT,
              );
            }
            await store.referenceAreas.insert(rows, {
              file: basename(file),
              revision: Date.now(),
              batchId: randomUUID(),
            });
            const forces = [...new Set(rows.map((row) => `${row.forceCode} ${row.forceName}`))];
            const counties = new Set(rows.flatMap((row) => row.countyCode ?? []));
            return `${file}: loaded ${rows.length} areas, ${counties.size} counties, forces ${forces.join(', ')}`;
          });
          console.log(summary);
        }),
    );
}
