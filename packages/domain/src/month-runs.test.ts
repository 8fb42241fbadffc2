import { describe, expect, it } from 'vitest';
import { describeMonthRuns } from './month-runs.ts';

describe('describeMonthRuns', () => {
  it.each([
    [[], ''],
    [['2025-12'], '2025-12'],
    [['2025-11', '2025-12'], '2025-11 to 2025-12'],
    [['2024-12', '2025-01', '2025-02', '2025-06'], '2024-12 to 2025-02, 2025-06'],
    [['2024-01', '2025-01'], '2024-01, 2025-01'],
  ])('%j → "%s"', (months, text) => {
    expect(describeMonthRuns(months)).toBe(text);
  });

  it('lists five runs and counts the rest', () => {
    const months = ['2020-01', '2020-03', '2020-05', '2020-07', '2020-09', '2020-11', '2021-01'];
    expect(describeMonthRuns(months)).toBe(
      '2020-01, 2020-03, 2020-05, 2020-07, 2020-09 and 2 more',
    );
  });
});
