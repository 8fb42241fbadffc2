import { Command } from 'commander';
import { CONFIG_ERROR_EXIT, describeConfigError } from '@crimestats/lifecycle';
import { ZodError } from 'zod';
import { ingestCommand } from './commands/ingest.ts';
import { migrateCommand } from './commands/migrate.ts';
import { reportCommand } from './commands/report.ts';
import { upCommand } from './commands/up.ts';
import { UserError } from './user-error.ts';

const program = new Command('crimestats')
  .description('Crime statistics for the Derbyshire Community Safety Partnerships')
  .version('0.1.0')
  .showHelpAfterError()
  .addCommand(ingestCommand())
  .addCommand(reportCommand())
  .addCommand(migrateCommand())
  .addCommand(upCommand());

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof UserError) {
    console.error(`crimestats: ${error.message}`);
    process.exitCode = error.exitCode;
  } else if (error instanceof ZodError) {
    console.error(describeConfigError('crimestats', error));
    process.exitCode = CONFIG_ERROR_EXIT;
  } else {
    throw error;
  }
}
