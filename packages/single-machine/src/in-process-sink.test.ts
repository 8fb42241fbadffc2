import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { RecordProcessor } from '@crimestats/aggregator';
import type { MonthlyRecord } from '@crimestats/contracts';
import { inProcessIngestSink } from './in-process-sink.ts';

const record = {
  areaCode: 'E07000039',
  category: 'burglary',
  month: '2025-01',
  months: 1,
  count: 3,
  source: { kind: 'police-uk', file: 'street.csv' },
  revision: 1_700_000_000_000,
  batchId: '00000000-0000-4000-8000-000000000000',
} as MonthlyRecord;

describe('the in-process sink when the store cannot be written', () => {
  it("names the store's folder and says the load is not recorded, with the engine's reason", async () => {
    const processor = {
      processRecords: () => Promise.reject(new Error('Cannot reserve 1.00 MiB, not enough space.')),
    } as unknown as RecordProcessor;
    const sink = inProcessIngestSink(
      processor,
      async () => {},
      async () => {},
      tmpdir(),
    );
    await expect(sink.publishRecords([record])).rejects.toThrow(
      `the store in ${tmpdir()} could not be written (the load is not recorded): Cannot reserve 1.00 MiB, not enough space.`,
    );
  });
});
