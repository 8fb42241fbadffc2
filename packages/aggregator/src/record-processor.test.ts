import { describe, expect, it } from 'vitest';
import pino from 'pino';
import type { PopulationRecord } from '@crimestats/contracts';
import { defaultReference } from '@crimestats/domain';
import type { Store } from '@crimestats/store';
import { RecordProcessor } from './record-processor.ts';
import { planRecords } from './testing/plan-records.ts';

/** Just enough of a store for a recompute, reporting each step and holding counts reads open. */
function fakeStore(events: string[], countsRead: Promise<void>) {
  let recomputes = 0;
  const store = {
    monthlyRecords: {
      insert: async () => {},
      monthRange: async () => ({ first: '2024-01', last: '2025-12' }),
      monthlySeries: async () => {
        events.push(`recompute ${recomputes} reads counts`);
        await countsRead;
        events.push(`recompute ${recomputes} has counts`);
        return [];
      },
    },
    loads: { record: async () => {}, recordAll: async () => {} },
    populations: {
      insert: async () => {},
      appliedTo: async () => defaultReference.populations,
    },
    inputRevisions: {
      sums: async () => {
        events.push(`recompute ${++recomputes} starts`);
        return { records: new Map(), populations: 0n };
      },
    },
    figureSummaries: { readRange: async () => [] },
    figures: { upsert: async () => {} },
  };
  return store as unknown as Store;
}

const population: PopulationRecord = {
  areaCode: 'E07000039',
  year: 2025,
  population: 110_000,
  source: { file: 'populations.csv' },
  revision: Date.UTC(2026, 1, 1),
  batchId: '00000000-0000-4000-8000-000000000001',
};

describe('RecordProcessor', () => {
  it('never recomputes one force twice at once, whichever topic the batches came from', async () => {
    const events: string[] = [];
    let release!: () => void;
    const countsRead = new Promise<void>((resolve) => (release = resolve));
    const processor = new RecordProcessor({
      store: fakeStore(events, countsRead),
      reference: { ...defaultReference, forceCode: 'E23000018' },
      windows: [12],
      updates: { publish: async () => {} },
      logger: pino({ level: 'silent' }),
    });
    const records = processor.processRecords(planRecords().slice(0, 20));
    const populations = processor.processPopulations([population]);
    const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
    while (!events.includes('recompute 1 reads counts')) await tick();
    // Time enough for the populations' recompute to start, were it free to.
    for (let i = 0; i < 5; i++) await tick();
    // The records' recompute is reading counts; the populations' waits for it to finish.
    expect(events).toEqual(['recompute 1 starts', 'recompute 1 reads counts']);
    release();
    await Promise.all([records, populations]);
    expect(events).toEqual([
      'recompute 1 starts',
      'recompute 1 reads counts',
      'recompute 1 has counts',
      'recompute 2 starts',
      'recompute 2 reads counts',
      'recompute 2 has counts',
    ]);
  });
});
