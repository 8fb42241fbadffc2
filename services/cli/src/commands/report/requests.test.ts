import { describe, expect, it } from 'vitest';
import { UserError } from '../../user-error.ts';
import { changesRequestFrom } from './changes.ts';
import { formatFrom } from './flags.ts';
import { trendRequestFrom } from './trend.ts';

/** The UserError a call throws, so a test can check its message and exit status. */
function userErrorOf(call: () => unknown): UserError {
  try {
    call();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

const trendFlags = {
  area: 'E07000039',
  category: 'total-recorded-crime',
  from: '2025-01',
  to: '2025-12',
};

describe('report changes flags', () => {
  it('become the query the API would make, with the 12-month default', () => {
    const request = changesRequestFrom({ area: 'E07000039', period: '2025-12' });
    expect(request.query).toEqual({ areaCode: 'E07000039', periodEnd: '2025-12', months: 12 });
    expect(request.area.name).toBe('South Derbyshire');
  });

  it('are refused with one line naming the flag and what is allowed, exit 2', () => {
    const unknown = userErrorOf(() => changesRequestFrom({ area: 'E07000099', period: '2025-12' }));
    expect(unknown.exitCode).toBe(2);
    expect(unknown.message).toMatch(
      /^--area: unknown area "E07000099"; one of: E07000032 \(Amber Valley\), .*E23000018 \(Force area\)$/,
    );
    expect(userErrorOf(() => changesRequestFrom({ area: 'x', period: '2025-12' })).message).toBe(
      '--area: expected an ONS area code such as E07000039 (see /v1/areas), got "x"',
    );
    expect(
      userErrorOf(() => changesRequestFrom({ area: 'E07000039', period: '2025-13' })).message,
    ).toMatch(/^--period: expected a month as YYYY-MM/);
    expect(
      userErrorOf(() => changesRequestFrom({ area: 'E07000039', period: '2025-12', months: '61' }))
        .message,
    ).toBe('--months: expected a whole number of months from 1 to 60, got "61"');
    expect(userErrorOf(() => formatFrom({ format: 'xml' })).message).toBe(
      '--format: expected one of table, csv, json, got "xml"',
    );
  });
});

describe('report trend flags', () => {
  it('become the query the API would make, with the county and force beside the area', () => {
    const request = trendRequestFrom({ ...trendFlags, months: '3' });
    expect(request.query).toEqual({
      areaCode: 'E07000039',
      category: 'total-recorded-crime',
      fromEnd: '2025-01',
      toEnd: '2025-12',
      months: 3,
    });
    expect(request.subjects.comparators.map((area) => area.code)).toEqual([
      'E10000007',
      'E23000018',
    ]);
  });

  it('are refused with one line naming the flag', () => {
    expect(
      userErrorOf(() => trendRequestFrom({ ...trendFlags, category: 'nope' })).message,
    ).toMatch(/^--category: unknown category "nope"; one of: total-recorded-crime, /);
    expect(userErrorOf(() => trendRequestFrom({ ...trendFlags, from: '2026-01' })).message).toBe(
      '--from: must not be after to (2025-12), got "2026-01"',
    );
    expect(userErrorOf(() => trendRequestFrom({ ...trendFlags, from: '2010-01' })).message).toBe(
      '--from: a trend covers at most 120 period ends; 2010-01 to 2025-12 is 192',
    );
    expect(userErrorOf(() => trendRequestFrom({ ...trendFlags, to: undefined })).message).toBe(
      '--to: is required',
    );
  });
});
