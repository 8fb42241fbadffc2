import { MonthlyRecordSchema, PopulationRecordSchema } from '@crimestats/contracts';
import type { RecordProcessor } from '@crimestats/aggregator';
import type { IngestSink } from '@crimestats/ingest';
import { z } from 'zod';

/**
 * Single-machine mode's stand-in for the records topics: records are validated as Kafka's consumer
 * would validate them, then handed straight to the aggregator, so a publish returns once the
 * figures are updated. Calls are queued one at a time, as one partition would deliver them.
 */
export function inProcessIngestSink(
  processor: RecordProcessor,
  /** Runs after each publish's figures are stored: the figures events of that load are complete. */
  afterLoad: () => Promise<void> = async () => {},
): IngestSink {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };
  return {
    publishRecords: (records) =>
      serial(async () => {
        await processor.processRecords(z.array(MonthlyRecordSchema).parse(records));
        await afterLoad();
      }),
    publishPopulations: (records) =>
      serial(async () => {
        await processor.processPopulations(z.array(PopulationRecordSchema).parse(records));
        await afterLoad();
      }),
  };
}
