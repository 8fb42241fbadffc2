import { CommanderError } from 'commander';
import { CONFIG_ERROR_EXIT, describeConfigError } from '@crimestats/lifecycle';
import { MigrationError } from '@crimestats/store';
import { ZodError } from 'zod';
import { UserError, USAGE_ERROR_EXIT } from './user-error.ts';

/**
 * How a command that threw ends: the exit status and the line to print (none when commander has
 * printed it already). Undefined for a bug, which should surface with its stack trace.
 */
export function outcomeOf(error: unknown): { exitCode: number; message?: string } | undefined {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with status 0.
    return { exitCode: error.exitCode === 0 ? 0 : USAGE_ERROR_EXIT };
  }
  if (error instanceof UserError) {
    return { exitCode: error.exitCode, message: `crimestats: ${error.message}` };
  }
  if (error instanceof MigrationError)
    return { exitCode: 1, message: `crimestats: ${error.message}` };
  if (error instanceof ZodError) {
    return { exitCode: CONFIG_ERROR_EXIT, message: describeConfigError('crimestats', error) };
  }
  return undefined;
}
