import { describe, expect, it } from 'vitest';
import { addMonths, monthsCovered } from './months.ts';

describe('months', () => {
  it('adds months across year ends both ways', () => {
    expect(addMonths('2025-11', 2)).toBe('2026-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-06', 0)).toBe('2025-06');
    expect(addMonths('2025-12', 13)).toBe('2027-01');
  });

  it('lists the months a span covers', () => {
    expect(monthsCovered('2025-11', 3)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthsCovered('2025-05', 1)).toEqual(['2025-05']);
  });
});
