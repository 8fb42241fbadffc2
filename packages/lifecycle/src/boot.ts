import pino, { type Logger } from 'pino';
import { z } from 'zod';

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
    console.error(`${opts.name}: bad configuration\n${z.prettifyError(error)}`);
    process.exit(2);
  }
  // Synchronous, so the last lines before process.exit (the shutdown outcome) are never lost.
  const logger = pino(
    { level: opts.logLevel(config), base: { service: opts.name } },
    pino.destination({ dest: 1, sync: true }),
  );
  opts.start(config, logger).catch((error: unknown) => {
    logger.fatal({ err: error }, `${opts.name} could not start`);
    process.exit(1);
  });
}
