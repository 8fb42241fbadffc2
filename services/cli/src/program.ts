import { Command } from 'commander';
import { ingestCommand } from './commands/ingest.ts';
import { migrateCommand } from './commands/migrate.ts';
import { referenceCommand } from './commands/reference.ts';
import { reportCommand } from './commands/report.ts';
import { subscriptionsCommand } from './commands/subscriptions.ts';
import { upCommand } from './commands/up.ts';

/** Every command applies the same settings: commander copies them only to `.command()` children. */
function everyCommand(command: Command, apply: (command: Command) => void): Command {
  apply(command);
  for (const sub of command.commands) everyCommand(sub, apply);
  return command;
}

/**
 * The `crimestats` command tree. A usage error (an unknown or missing flag or command) throws a
 * CommanderError rather than exiting, so main.ts gives it the exit status of every other refused
 * input.
 */
export function buildProgram(): Command {
  const program = new Command('crimestats')
    .description('Crime statistics for the Derbyshire Community Safety Partnerships')
    .version('0.1.0')
    .addCommand(ingestCommand())
    .addCommand(referenceCommand())
    .addCommand(reportCommand())
    .addCommand(subscriptionsCommand())
    .addCommand(migrateCommand())
    .addCommand(upCommand());
  return everyCommand(program, (command) => command.showHelpAfterError().exitOverride());
}
