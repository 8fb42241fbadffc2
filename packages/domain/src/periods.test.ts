import { parseMonth } from './months.ts';
import { describe, expect, it } from 'vitest';
import { monthsOf, previousWindow, shiftWindow, windowEndingAt } from './periods.ts';

const m = parseMonth;

describe('windows', () => {
  it('covers the 12 months ending with the period month by default', () => {
    const window = windowEndingAt(m('2025-12'));
    expect(window).toEqual({ start: '2025-01', end: '2025-12', months: 12 });
    expect(monthsOf(window)).toHaveLength(12);
  });

  it('supports other lengths, across year ends', () => {
    expect(windowEndingAt(m('2025-02'), 3)).toEqual({
      start: '2024-12',
      end: '2025-02',
      months: 3,
    });
    expect(windowEndingAt(m('2025-02'), 1)).toEqual({
      start: '2025-02',
      end: '2025-02',
      months: 1,
    });
  });

  it('finds the window before', () => {
    expect(previousWindow(windowEndingAt(m('2025-12')))).toEqual({
      start: '2024-01',
      end: '2024-12',
      months: 12,
    });
    expect(previousWindow(windowEndingAt(m('2025-02'), 3))).toEqual({
      start: '2024-09',
      end: '2024-11',
      months: 3,
    });
  });

  it('shifts a window', () => {
    expect(shiftWindow(windowEndingAt(m('2025-12'), 3), -3)).toEqual(
      previousWindow(windowEndingAt(m('2025-12'), 3)),
    );
  });

  it('refuses lengths that are not positive whole months', () => {
    expect(() => windowEndingAt(m('2025-12'), 0)).toThrow(RangeError);
    expect(() => windowEndingAt(m('2025-12'), 1.5)).toThrow(RangeError);
  });
});
