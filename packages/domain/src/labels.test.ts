import { describe, expect, it } from 'vitest';
import { monthLabel } from './months.ts';
import { monthsLabel, periodLabel } from './periods.ts';

describe('period labels', () => {
  it.each([
    ['2025-01', 'Jan 2025'],
    ['2025-06', 'Jun 2025'],
    ['2025-12', 'Dec 2025'],
  ])('%s is %s', (month, label) => {
    expect(monthLabel(month)).toBe(label);
  });

  it('refuses what is not a month', () => {
    expect(() => monthLabel('2025-13')).toThrow();
  });

  it('counts months in words', () => {
    expect(monthsLabel(1)).toBe('1 month');
    expect(monthsLabel(12)).toBe('12 months');
  });

  it('names a period as the plan does, from first to last month', () => {
    expect(periodLabel({ start: '2025-01', end: '2025-12', months: 12 })).toBe(
      'Jan 2025 – Dec 2025 (12 months)',
    );
    expect(periodLabel({ start: '2025-11', end: '2026-01', months: 3 })).toBe(
      'Nov 2025 – Jan 2026 (3 months)',
    );
  });

  it('names a one-month period by its month alone', () => {
    expect(periodLabel({ start: '2025-12', end: '2025-12', months: 1 })).toBe('Dec 2025 (1 month)');
  });
});
