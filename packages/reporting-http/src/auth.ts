import { cspAreaOf, type Principal, type TokenRegistry } from '@crimestats/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

/**
 * Whether a principal may make, remove, ping or retry one area's subscriptions and deliveries:
 * an analyst any area's, a district CSP its own area's; the Board only reads them.
 */
export function mayManageArea(principal: Principal, areaCode: string): boolean {
  if (principal.role === 'analyst') return true;
  return cspAreaOf(principal) === areaCode;
}

/**
 * A 403 unless the principal may manage this area's subscriptions (see `mayManageArea`); `what`
 * names what is managed in the refusal.
 */
export function authorizeManage(
  principal: Principal | undefined,
  areaCode: string,
  what = 'subscriptions and deliveries',
): void {
  if (principal !== undefined && mayManageArea(principal, areaCode)) return;
  const role = principal?.role ?? 'none';
  const own = principal && cspAreaOf(principal);
  throw new ReportRequestError(
    403,
    own === undefined
      ? `this token (role ${role}) may only read ${what}, not change them`
      : `this token (role ${role}) may manage only ${own}'s ${what}, not ${areaCode}'s`,
  );
}

/** A 403 unless the principal may read this area's subscriptions and deliveries (or `what`). */
export function authorizeSubscriptionRead(
  principal: Principal | undefined,
  areaCode: string,
  what = 'subscriptions and deliveries',
): void {
  if (principal !== undefined && mayReadArea(principal, areaCode)) return;
  throw new ReportRequestError(
    403,
    `this token (role ${principal?.role ?? 'none'}) may read only its own area's ${what}, ` +
      `not ${areaCode}'s`,
  );
}

/**
 * A route-level `onRequest` hook for the routes that change subscriptions (or `what`): the
 * Board's tokens read only, and are refused before the body is read.
 */
export const refuseReadOnlyFor =
  (what: string) =>
  async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (req.principal?.role !== 'board') return undefined;
    return reply.code(403).send({
      error: `this token (role board) may only read ${what}, not change them`,
    });
  };

export const refuseReadOnly = refuseReadOnlyFor('subscriptions and deliveries');
