import type { Logger } from 'pino';
import { z } from 'zod';
import { CONFIG_ERROR_EXIT, describeConfigError } from './config-error.ts';
import { serviceLogger } from './logger.ts';

export interface BootOptions<Config> {
  /** The service's name in logs and messages, e.g. `crimestats-ingest`. */
  name: string;
  loadConfig(): Config;
  logLevel(config: Config): string;
  start(config: Config, logger: Logger): Promise<void>;
}

/**
 * A service's entry point: configuration parsed once (a bad one exits 2 with zod's account of
 * it), a structured logger, then start; a start that fails is logged and exits 1.
 */
export function bootService<Config>(opts: BootOptions<Config>): void {
  let config: Config;
  try {
    config = opts.loadConfig();
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    console.error(describeConfigError(opts.name, error));
    process.exit(CONFIG_ERROR_EXIT);
  }
  const logger = serviceLogger(opts.name, opts.logLevel(config));
  opts.start(config, logger).catch((error: unknown) => {
    logger.fatal({ err: error }, `${opts.name} could not start`);
    process.exit(1);
  });
}
