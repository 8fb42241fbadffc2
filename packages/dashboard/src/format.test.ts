import { describe, expect, it } from 'vitest';
import {
  MISSING,
  chartRate,
  formatCount,
  formatPercent,
  formatRate,
  groupThousands,
} from './client/format.ts';

// The rounding itself is the statistics core's (@crimestats/stats/rounding), tested there.

describe("the page's number formats", () => {
  it('round halves away from zero on the decimal people read', () => {
    expect(formatRate(2.675)).toBe('2.68');
    expect(formatRate(-2.675)).toBe('-2.68');
    expect(formatPercent(-2.8070719602977667)).toBe('-2.8');
    expect(formatPercent(0.05)).toBe('0.1');
    expect(formatPercent(-0.04)).toBe('0.0');
  });

  it("print the plan's South Derbyshire total-crime row", () => {
    expect(formatCount(6267)).toBe('6,267');
    expect(formatRate(58.76010276220301)).toBe('58.76');
    expect(formatCount(6448)).toBe('6,448');
    expect(formatCount(-181)).toBe('-181');
    expect(formatCount(84621)).toBe('84,621');
    expect(formatRate(1111.355)).toBe('1,111.36');
  });

  it('show a missing value as a dash', () => {
    expect(MISSING).toBe('–');
    expect(formatCount(null)).toBe('–');
    expect(formatRate(null)).toBe('–');
    expect(formatPercent(undefined)).toBe('–');
  });

  it('group thousands in the whole part only, and refuse what is not a plain decimal', () => {
    expect(groupThousands('-84621.5')).toBe('-84,621.5');
    expect(groupThousands('1234567.1234')).toBe('1,234,567.1234');
    expect(groupThousands('999')).toBe('999');
    expect(() => groupThousands('1e21')).toThrow(RangeError);
  });

  it('give a chart the rate the table prints, so a tooltip agrees with the table', () => {
    expect(chartRate(58.76010276220301)).toBe(58.76);
    expect(chartRate(2.675)).toBe(2.68);
    expect(chartRate(null)).toBeNull();
    expect(chartRate(undefined)).toBeNull();
  });
});
