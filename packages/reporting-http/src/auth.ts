import { cspAreaOf, type Principal, type TokenRegistry } from '@crimestats/auth';
import { requireToken } from '@crimestats/http';
import { ReportRequestError } from './errors.ts';

/**
 * An `onRequest` hook: every data read needs a configured token, whatever its role; which areas
 * it may read is each route's check (`authorizeArea`).
 */
export const requireReader = (tokens: TokenRegistry) =>
  requireToken({ tokens, wanted: 'a reader token' });

/**
 * Whether a principal may read one area's own answers (its changes and trend). Analysts and the
 * Board read every area; a district CSP reads only its own. The all-area comparison is open to
 * every reader: the plan itself sets every area side by side.
 */
export function mayReadArea(principal: Principal, areaCode: string): boolean {
  const own = cspAreaOf(principal);
  return own === undefined || own === areaCode;
}

/** A 403 unless the principal may read this area's own answers (see `mayReadArea`). */
export function authorizeArea(principal: Principal | undefined, areaCode: string): void {
  if (principal === undefined || !mayReadArea(principal, areaCode)) {
    throw new ReportRequestError(
      403,
      `this token (role ${principal?.role ?? 'none'}) may read only its own area's changes and ` +
        `trend, not ${areaCode}'s`,
    );
  }
}
