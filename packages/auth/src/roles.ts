import { z } from 'zod';

/**
 * Who a token belongs to. Analysts load data and read everything; the Board reads everything;
 * a district CSP (`csp:<area code>`) reads, and subscribes to, its own area's figures.
 */
export const RoleSchema = z.union([
  z.literal('analyst'),
  z.literal('board'),
  z.string().regex(/^csp:[EWSNK]\d{8}$/, 'a CSP role is csp:<ONS area code>'),
]);
export type Role = z.infer<typeof RoleSchema>;

export interface Principal {
  role: Role;
  /** The token's label from configuration, safe to log (the token itself never is). */
  name: string;
}

export const canLoadData = (p: Principal): boolean => p.role === 'analyst';
export const cspAreaOf = (p: Principal): string | undefined =>
  p.role.startsWith('csp:') ? p.role.slice(4) : undefined;
