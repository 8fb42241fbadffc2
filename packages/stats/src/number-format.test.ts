import { describe, expect, it } from 'vitest';
import {
  MISSING,
  formatCount,
  formatPercent,
  formatRate,
  groupThousands,
  orMissing,
} from './number-format.ts';

describe('groupThousands', () => {
  it.each([
    ['0', '0'],
    ['999', '999'],
    ['1000', '1,000'],
    ['84621', '84,621'],
    ['1096489', '1,096,489'],
    ['-181', '-181'],
    ['-1234', '-1,234'],
    ['1234.5678', '1,234.5678'],
    ['-1234567.25', '-1,234,567.25'],
    ['100.23', '100.23'],
  ])('%s → %s', (plain, grouped) => {
    expect(groupThousands(plain)).toBe(grouped);
  });

  it.each(['', '1e21', '1,000', 'NaN', '.5', '1.'])('refuses "%s"', (text) => {
    expect(() => groupThousands(text)).toThrow(RangeError);
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [6267, '6,267'],
    [84_621, '84,621'],
    [-181, '-181'],
    [-1764, '-1,764'],
  ])('%d → %s', (value, text) => {
    expect(formatCount(value)).toBe(text);
  });
});

describe('formatRate', () => {
  it.each([
    [58.760103, '58.76'],
    [111.35023929, '111.35'],
    [1.1, '1.10'],
    [0, '0.00'],
    [2.675, '2.68'], // stored as 2.67499…; the plan means 2.675, which rounds up
    [0.005, '0.01'],
    [1234.5, '1,234.50'],
  ])('%d → %s', (value, text) => {
    expect(formatRate(value)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [-2.807072, '-2.8%'],
    [2.1243852, '2.1%'],
    [0.05, '0.1%'],
    [-0.05, '-0.1%'], // half away from zero, not half up
    [-0.04, '0.0%'], // never "-0.0%"
    [77.0, '77.0%'],
    [1234.56, '1,234.6%'],
  ])('%d → %s', (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });
});

describe('orMissing', () => {
  it('formats a number and marks a null', () => {
    expect(orMissing(1234, formatCount)).toBe('1,234');
    expect(orMissing(null, formatCount)).toBe(MISSING);
    expect(MISSING).toBe('–');
  });
});
