import { openSingleMachine, type SingleMachine } from '@crimestats/single-machine';
import type { Logger } from 'pino';
import type { CliConfig } from '../config.ts';

/** Runs `run` on this machine's pipeline (store and aggregator in this process), then closes it. */
export async function withPipeline<T>(
  config: CliConfig,
  logger: Logger,
  run: (pipeline: SingleMachine) => Promise<T>,
): Promise<T> {
  const pipeline = await openSingleMachine({
    home: config.home,
    database: config.database,
    forceCode: config.forceCode,
    logger,
  });
  try {
    return await run(pipeline);
  } finally {
    await pipeline.close();
  }
}
