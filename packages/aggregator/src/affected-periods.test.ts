import { describe, expect, it } from 'vitest';
import { affectedPeriodEnds } from './affected-periods.ts';

const range = { first: '2024-01', last: '2025-12' };

describe('affectedPeriodEnds', () => {
  it('reaches every period end whose current or previous window holds a touched month', () => {
    expect(affectedPeriodEnds(['2024-05'], 3, range)).toEqual(
      expect.arrayContaining(['2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10']),
    );
  });

  it('treats a touched month as its whole quarter, which a Home Office quarter may span', () => {
    // A June record can decide whether April and May come from a Home Office quarter or from
    // monthly data, so windows ending in April and May move too.
    expect(affectedPeriodEnds(['2024-06'], 1, range)).toEqual([
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
    ]);
  });

  it('keeps within the months that have data', () => {
    expect(affectedPeriodEnds(['2025-12'], 1, range)).toEqual(['2025-10', '2025-11', '2025-12']);
  });
});
