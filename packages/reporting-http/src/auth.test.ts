import { describe, expect, it } from 'vitest';
import { authorizeArea, mayReadArea } from './auth.ts';
import { ReportRequestError } from './errors.ts';

describe('area access', () => {
  it('lets analysts and the Board read every area, a CSP only its own', () => {
    expect(mayReadArea({ role: 'analyst', name: 'a' }, 'E06000015')).toBe(true);
    expect(mayReadArea({ role: 'board', name: 'b' }, 'E10000007')).toBe(true);
    expect(mayReadArea({ role: 'csp:E07000039', name: 's' }, 'E07000039')).toBe(true);
    expect(mayReadArea({ role: 'csp:E07000039', name: 's' }, 'E06000015')).toBe(false);
    expect(mayReadArea({ role: 'csp:E07000039', name: 's' }, 'E10000007')).toBe(false);
  });

  it('refuses with a 403 that names the role and the area', () => {
    expect(() => authorizeArea({ role: 'csp:E07000039', name: 's' }, 'E06000015')).toThrow(
      new ReportRequestError(
        403,
        "this token (role csp:E07000039) may read only its own area's changes and trend, not E06000015's",
      ),
    );
    expect(() => authorizeArea(undefined, 'E06000015')).toThrow(ReportRequestError);
  });
});
