import { AREA_CODE_PATTERN } from '@crimestats/domain';
import { z } from 'zod';

const CSP_PREFIX = 'csp:';

/** `csp:<ONS area code>`: the role of a district CSP's token, for that one area. */
const CspRoleSchema = z
  .string()
  .refine(
    (role) => role.startsWith(CSP_PREFIX) && AREA_CODE_PATTERN.test(role.slice(CSP_PREFIX.length)),
    'a CSP role is csp:<ONS area code>',
  );

/**
 * Who a token belongs to. Analysts load data and read everything; the Board reads everything;
 * a district CSP (`csp:<area code>`) reads, and subscribes to, its own area's figures.
 */
export const RoleSchema = z.union([z.literal('analyst'), z.literal('board'), CspRoleSchema]);
export type Role = z.infer<typeof RoleSchema>;

export interface Principal {
  role: Role;
  /** The token's label from configuration, safe to log (the token itself never is). */
  name: string;
}

export const canLoadData = (p: Principal): boolean => p.role === 'analyst';

/** The area a CSP token is for; undefined for every other role. */
export const cspAreaOf = (p: Principal): string | undefined =>
  p.role.startsWith(CSP_PREFIX) ? p.role.slice(CSP_PREFIX.length) : undefined;
