import type { MonthlyRecord, PopulationRecord } from '@crimestats/contracts';
import { defaultReference } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { refusePopulation, refuseRecord } from './admission.ts';

const reference = { ...defaultReference, forceCode: 'E23000018' };
const record = (change: Partial<MonthlyRecord>): MonthlyRecord => ({
  areaCode: 'E07000039',
  category: 'vehicle-crime',
  month: '2025-12',
  months: 1,
  count: 5,
  source: { kind: 'monthly-counts', file: 'counts.csv' },
  revision: 1,
  batchId: '00000000-0000-4000-8000-000000000000',
  ...change,
});
const population = (areaCode: string): PopulationRecord => ({
  areaCode,
  year: 2025,
  population: 100_000,
  source: { file: 'populations.csv' },
  revision: 1,
  batchId: '00000000-0000-4000-8000-000000000000',
});

describe('refuseRecord', () => {
  it('takes a record for a CSP area and a known category', () => {
    expect(refuseRecord(record({}), reference)).toBeUndefined();
    expect(refuseRecord(record({ areaCode: 'E06000015' }), reference)).toBeUndefined();
  });

  it('refuses an area the reference data lacks, or a rollup, naming the code', () => {
    expect(refuseRecord(record({ areaCode: 'E07000099' }), reference)).toEqual({
      reason: 'unknown-area',
      error: 'areaCode: E07000099 is not an area of the reference data',
    });
    expect(refuseRecord(record({ areaCode: 'E10000007' }), reference)).toEqual({
      reason: 'unknown-area',
      error: expect.stringMatching(/^areaCode: E10000007 .* is a county area; records are for CSP/),
    });
  });

  it('refuses a category the reference data lacks', () => {
    expect(refuseRecord(record({ category: 'no-such-crime' }), reference)).toEqual({
      reason: 'unknown-category',
      error: 'category: no-such-crime is not a category of the reference data',
    });
  });
});

describe('refusePopulation', () => {
  it('takes any known area, rollups included, and refuses others', () => {
    expect(refusePopulation(population('E07000039'), reference)).toBeUndefined();
    expect(refusePopulation(population('E10000007'), reference)).toBeUndefined();
    expect(refusePopulation(population('E07000099'), reference)?.reason).toBe('unknown-area');
  });
});
