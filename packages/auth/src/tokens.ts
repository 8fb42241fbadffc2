import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { RoleSchema, type Principal } from './roles.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(): string {
  return `cs_${randomBytes(24).toString('base64url')}`;
}

// The hash is always 64 hex digits, so an `@` after it can only start the expiry: a name may
// hold an `@` of its own (an email address) without being mistaken for one.
const EXPIRY_SUFFIX = /^(.*:[0-9a-f]{64})@(.*)$/;

/**
 * Configured tokens, by hash only: `name:role:sha256hex` entries separated by commas, each
 * optionally ending `@<ISO 8601 date-time>`, after which the token is refused, e.g.
 * `board-chair:board:9f86d0…,south-derbyshire:csp:E07000039:60303a…@2027-03-31T23:59:59Z`.
 */
export const TokenEntrySchema = z.string().transform((entry, ctx) => {
  const suffix = EXPIRY_SUFFIX.exec(entry.trim());
  const parts = (suffix?.[1] ?? entry.trim()).split(':');
  const hash = parts.pop() ?? '';
  const name = parts.shift() ?? '';
  const parsed = z
    .object({
      name: z.string().min(1, 'a token entry needs a name'),
      role: RoleSchema,
      hash: z
        .string()
        .regex(/^[0-9a-f]{64}$/, 'a token entry ends with the sha256 hex of the token'),
      expiresAt: z
        .string()
        .pipe(
          z.iso.datetime({
            offset: true,
            message:
              'a token entry\'s expiry (after "@") is an ISO 8601 date-time with its offset, e.g. 2027-03-31T23:59:59Z',
          }),
        )
        .transform((text) => new Date(text))
        .optional(),
    })
    .safeParse({ name, role: parts.join(':'), hash, expiresAt: suffix?.[2] });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', message: `token entry "${name}": ${issue.message}` });
    return z.NEVER;
  }
  const { expiresAt, ...rest } = parsed.data;
  const result: TokenEntry = expiresAt === undefined ? rest : { ...rest, expiresAt };
  return result;
});

export interface TokenEntry {
  name: string;
  role: Principal['role'];
  hash: string;
  /** When the token stops being accepted; absent, it never does. */
  expiresAt?: Date;
}

export function parseTokenEntries(text: string | undefined): TokenEntry[] {
  if (!text?.trim()) return [];
  return z.array(TokenEntrySchema).parse(text.split(',').filter((e) => e.trim() !== ''));
}

/**
 * What a bearer header comes to: a principal, or why there is none. `expired` is told apart so
 * the holder learns to ask for a new token rather than suspect a typo; it says no more than
 * that a token which once worked has lapsed.
 */
export type TokenCheck =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'missing' | 'unknown' }
  | { ok: false; reason: 'expired'; name: string; expiresAt: Date };

/** Checks bearer tokens against configured hashes and expiries. */
export class TokenRegistry {
  readonly #entries: TokenEntry[];
  readonly #now: () => Date;

  constructor(entries: TokenEntry[], now: () => Date = () => new Date()) {
    this.#entries = entries;
    this.#now = now;
  }

  /** What an `Authorization` header value comes to (see TokenCheck). */
  check(authorization: string | undefined): TokenCheck {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return { ok: false, reason: 'missing' };
    const hash = Buffer.from(hashToken(match[1]!), 'hex');
    const entry = this.#entries.find((e) => timingSafeEqual(Buffer.from(e.hash, 'hex'), hash));
    if (entry === undefined) return { ok: false, reason: 'unknown' };
    if (entry.expiresAt !== undefined && entry.expiresAt.getTime() <= this.#now().getTime()) {
      return { ok: false, reason: 'expired', name: entry.name, expiresAt: entry.expiresAt };
    }
    return { ok: true, principal: { role: entry.role, name: entry.name } };
  }

  /** The principal of an `Authorization` header value; undefined for a missing, unknown or expired token. */
  authenticate(authorization: string | undefined): Principal | undefined {
    const checked = this.check(authorization);
    return checked.ok ? checked.principal : undefined;
  }

  get size(): number {
    return this.#entries.length;
  }
}
