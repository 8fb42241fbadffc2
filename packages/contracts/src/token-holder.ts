import { z } from 'zod';

/**
 * `GET /v1/whoami`: whose token this is and what it may do, so a page can offer only what the
 * token is allowed (a CSP token manages its own area's subscriptions; the Board only reads).
 */
export const TokenHolderSchema = z.object({
  /** The token's configured name, never the token. */
  name: z.string(),
  role: z.string(),
  /** The CSP area a `csp:` token is for; null for every other role. */
  area: z.string().nullable(),
  /** Whether it may make and remove subscriptions (for `area` only, when that is set). */
  managesSubscriptions: z.boolean(),
});
export type TokenHolder = z.infer<typeof TokenHolderSchema>;
