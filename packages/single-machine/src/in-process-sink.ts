import { MonthlyRecordSchema, PopulationRecordSchema } from '@crimestats/contracts';
import type { RecordProcessor } from '@crimestats/aggregator';
import type { IngestSink } from '@crimestats/ingest';
import { z } from 'zod';
import { ensureRoomFor } from './disk-room.ts';

/**
 * Single-machine mode's stand-in for the records topics: records are validated as Kafka's consumer
 * would validate them, then handed straight to the aggregator, so a publish returns once the
 * figures are updated. Calls are queued one at a time, as one partition would deliver them.
 */
export function inProcessIngestSink(
  processor: RecordProcessor,
  /** Runs after each publish's figures are stored: the figures events of that load are complete. */
  afterLoad: () => Promise<void> = async () => {},
  /**
   * Runs after the processor's own recompute with the areas the records name: the processor
   * recomputes its reference's force, so figures of another loaded force are recomputed here.
   */
  otherForces: (areaCodes: ReadonlySet<string>) => Promise<void> = async () => {},
  /** The embedded engine's folder, named when storing fails: a full disk there is the usual cause. */
  storePath?: string,
): IngestSink {
  let queue: Promise<unknown> = Promise.resolve();
  const failed = (error: unknown): never => {
    const where = storePath === undefined ? 'the store' : `the store in ${storePath}`;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${where} could not be written (the load is not recorded): ${reason}`, {
      cause: error,
    });
  };
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };
  return {
    publishRecords: (records) =>
      serial(async () => {
        const valid = z.array(MonthlyRecordSchema).parse(records);
        if (storePath !== undefined) await ensureRoomFor(storePath);
        await processor
          .processRecords(valid)
          .then(() => otherForces(new Set(valid.map((r) => r.areaCode))))
          .catch(failed);
        await afterLoad();
      }),
    publishPopulations: (records) =>
      serial(async () => {
        const valid = z.array(PopulationRecordSchema).parse(records);
        if (storePath !== undefined) await ensureRoomFor(storePath);
        await processor
          .processPopulations(valid)
          .then(() => otherForces(new Set(valid.map((r) => r.areaCode))))
          .catch(failed);
        await afterLoad();
      }),
  };
}
