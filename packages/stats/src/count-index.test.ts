import { parseMonth } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { CountIndex } from './count-index.ts';

const month = parseMonth('2025-01');
const record = (count: number) => ({ areaCode: 'E07000091', category: 'theft', month, count });

describe('CountIndex', () => {
  it('tells an explicit zero from a missing month', () => {
    const index = CountIndex.fromRecords([record(0)]);
    expect(index.get('E07000091', 'theft', month)).toBe(0);
    expect(index.get('E07000091', 'theft', parseMonth('2025-02'))).toBeUndefined();
    expect(index.get('E07000092', 'theft', month)).toBeUndefined();
  });

  it('refuses duplicate keys rather than double count them', () => {
    expect(() => CountIndex.fromRecords([record(1), record(2)])).toThrow(/duplicate/);
  });

  it('refuses counts that are not non-negative integers', () => {
    expect(() => CountIndex.fromRecords([record(-1)])).toThrow(RangeError);
    expect(() => CountIndex.fromRecords([record(1.5)])).toThrow(RangeError);
    expect(() => CountIndex.fromRecords([record(Number.NaN)])).toThrow(RangeError);
  });
});
