import { ensureLocalToken } from '@crimestats/auth';
import { Command } from 'commander';
import { runningServer } from '@crimestats/single-machine';
import { loadCliConfig, type CliConfig } from '../config.ts';
import { UserError } from '../user-error.ts';
import {
  listed,
  loadReferenceFile,
  ReferenceRefusedError,
  ReferenceUnreadableError,
  REFUSED_EXIT,
  type ReferenceLoaded,
} from './reference-file-load.ts';
import { recomputeForces } from './reference-recompute.ts';
import { figuresStoreOptions, withReportStore } from './report/store.ts';
import { loadReferenceThroughServer } from '../up/remote-reference.ts';

/**
 * `crimestats reference load <file>`: stores a force's (or several forces') CSP areas with their
 * counties and forces, or the categories only its own data carries, so its files can be ingested
 * and reported on with no code change. The store keeps every load; the latest revision of an area
 * or category wins. Figures the load changes are recomputed before the command returns. While
 * `crimestats up` holds the store, the file goes to it, which does the same.
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
          const server =
            config.mode === 'single-machine' ? await runningServer(config.home) : undefined;
          if (server) {
            const token = (await ensureLocalToken(config.home)).token;
            const answer = await loadReferenceThroughServer(server.url, token, file);
            console.log(answer.summary);
            if (answer.forces.length > 0) {
              const forces = listed(answer.forces, 'force');
              console.log(
                `recomputed ${answer.figures} figures of ${forces}, ${answer.updates} changed`,
              );
            }
            return;
          }
          const loaded = await loadLocally(config, file);
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

/** Into the store this command opens; a refused file exits 1, as an ingested file does. */
async function loadLocally(config: CliConfig, file: string): Promise<ReferenceLoaded> {
  try {
    return await withReportStore(figuresStoreOptions(config), (store) =>
      loadReferenceFile(store, file),
    );
  } catch (error) {
    if (error instanceof ReferenceRefusedError) throw new UserError(error.message, REFUSED_EXIT);
    if (error instanceof ReferenceUnreadableError) throw new UserError(error.message);
    throw error;
  }
}
