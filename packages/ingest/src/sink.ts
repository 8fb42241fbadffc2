import type { MonthlyRecord, PopulationRecord } from '@crimestats/contracts';

/**
 * Where accepted records go: Kafka in the distributed pipeline, an in-process bus in single-machine
 * mode. Resolves only once every record is durably accepted; rejects after its own retries.
 */
export interface IngestSink {
  publishRecords(records: MonthlyRecord[]): Promise<void>;
  publishPopulations(records: PopulationRecord[]): Promise<void>;
}
