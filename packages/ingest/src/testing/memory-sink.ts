import type { MonthlyRecord, PopulationRecord } from '@crimestats/contracts';
import type { IngestSink } from '../sink.ts';

/** Collects what would be published, for tests of the pure ingestion path. */
export class MemorySink implements IngestSink {
  records: MonthlyRecord[] = [];
  populations: PopulationRecord[] = [];
  failWith?: Error;

  async publishRecords(records: MonthlyRecord[]): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.records.push(...records);
  }

  async publishPopulations(records: PopulationRecord[]): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.populations.push(...records);
  }
}
