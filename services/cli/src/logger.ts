import { terminalLogger } from '@crimestats/lifecycle';
import type { Logger } from 'pino';
import type { CliConfig } from './config.ts';

/** The command line's logs: on standard error, readable in a terminal, JSON lines elsewhere. */
export function cliLogger(config: CliConfig): Logger {
  return terminalLogger('crimestats-cli', config.logLevel);
}
