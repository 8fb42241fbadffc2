import { describe, expect, it } from 'vitest';
import { quarterStartMonth } from './home-office-csp.ts';

describe('quarterStartMonth', () => {
  it('starts financial quarters in April, July, October and January', () => {
    expect(quarterStartMonth('2024/25', 'Q1')).toBe('2024-04');
    expect(quarterStartMonth('2024/25', '2')).toBe('2024-07');
    expect(quarterStartMonth('2024-2025', 'Q3')).toBe('2024-10');
    expect(quarterStartMonth('2024/25', 'q4')).toBe('2025-01');
  });

  it.each([
    ['2024/26', 'Q1'],
    ['2024/25', 'Q5'],
    ['0224/25', 'Q1'],
    ['1899/00', 'Q1'],
    ['2199/00', 'Q4'],
  ])('refuses %s %s rather than throwing', (year, quarter) => {
    expect(quarterStartMonth(year, quarter)).toBeUndefined();
  });
});
