import { describe, expect, it } from 'vitest';
import {
  dateTimeValue,
  epochSecondsColumn,
  flagColumn,
  int64Column,
  toEpochSeconds,
  uint64Column,
} from './columns.ts';

describe('column readers', () => {
  it('read 64-bit integers quoted (18.16 server) or not (chDB)', () => {
    expect(uint64Column.parse('42')).toBe(42);
    expect(uint64Column.parse(42)).toBe(42);
    expect(int64Column.parse('-7')).toBe(-7);
    expect(uint64Column.parse(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuse values a JS number cannot hold exactly', () => {
    expect(() => uint64Column.parse('9007199254740993')).toThrow();
    expect(() => uint64Column.parse('18446744073709551615')).toThrow();
    expect(() => uint64Column.parse(-1)).toThrow();
    expect(() => uint64Column.parse('1.5')).toThrow();
    expect(() => uint64Column.parse('')).toThrow();
  });

  it('read flags and epoch seconds', () => {
    expect(flagColumn.parse(1)).toBe(true);
    expect(flagColumn.parse(0)).toBe(false);
    expect(() => flagColumn.parse(2)).toThrow();
    expect(epochSecondsColumn.parse('1735787045')).toEqual(new Date('2025-01-02T03:04:05Z'));
  });

  it('write Dates as whole Unix seconds within DateTime range', () => {
    expect(toEpochSeconds(new Date('2025-01-02T03:04:05.999Z'))).toBe(1735787045);
    expect(() => toEpochSeconds(new Date(NaN))).toThrow();
    expect(() => dateTimeValue.parse(new Date('1969-12-31T23:59:59Z'))).toThrow();
    expect(() => dateTimeValue.parse(new Date('2106-06-01T00:00:00Z'))).toThrow();
    expect(dateTimeValue.parse(new Date(0))).toEqual(new Date(0));
  });
});
