import { Command } from 'commander';
import { migrate, migrationStatus, openClickHouse } from '@crimestats/store';
import { loadCliConfig } from '../config.ts';
import { cliLogger } from '../logger.ts';
import { storeTarget } from '../store-target.ts';

/** `crimestats migrate [--status]`: apply the store's numbered migrations, or list them. */
export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply the store schema migrations (services also apply them at start-up)')
    .option('--status', 'list applied and pending migrations without changing anything')
    .action(async (flags: { status?: boolean }) => {
      const config = loadCliConfig();
      const client = openClickHouse(storeTarget(config));
      try {
        if (flags.status) {
          const status = await migrationStatus(client, config.database);
          for (const m of status.applied) console.log(`applied  ${m.version} ${m.name}`);
          for (const m of status.pending) console.log(`pending  ${m.fileName}`);
          for (const m of status.changed)
            console.log(`CHANGED  ${m.fileName} (applied with another checksum)`);
          for (const m of status.unknown) console.log(`UNKNOWN  ${m.version} ${m.name}`);
          return;
        }
        const applied = await migrate(client, config.database, cliLogger(config));
        console.log(
          applied.length === 0
            ? `${config.database}: up to date`
            : `${config.database}: applied ${applied.map((m) => m.fileName).join(', ')}`,
        );
      } finally {
        await client.close();
      }
    });
}
