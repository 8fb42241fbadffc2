import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { RoleSchema, type Principal } from './roles.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(): string {
  return `cs_${randomBytes(24).toString('base64url')}`;
}

/**
 * Configured tokens, by hash only: `name:role:sha256hex` entries separated by commas, e.g.
 * `board-chair:board:9f86d0…,south-derbyshire:csp:E07000039:60303a…`.
 */
export const TokenEntrySchema = z.string().transform((entry, ctx) => {
  const parts = entry.trim().split(':');
  const hash = parts.pop() ?? '';
  const name = parts.shift() ?? '';
  const parsed = z
    .object({
      name: z.string().min(1, 'a token entry needs a name'),
      role: RoleSchema,
      hash: z
        .string()
        .regex(/^[0-9a-f]{64}$/, 'a token entry ends with the sha256 hex of the token'),
    })
    .safeParse({ name, role: parts.join(':'), hash });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  }
  return parsed.data;
});
export type TokenEntry = z.infer<typeof TokenEntrySchema>;

export function parseTokenEntries(text: string | undefined): TokenEntry[] {
  if (!text?.trim()) return [];
  return z.array(TokenEntrySchema).parse(text.split(',').filter((e) => e.trim() !== ''));
}

/** Checks bearer tokens against configured hashes. */
export class TokenRegistry {
  readonly #entries: TokenEntry[];

  constructor(entries: TokenEntry[]) {
    this.#entries = entries;
  }

  /** The principal of an `Authorization` header value, or undefined for a missing or unknown token. */
  authenticate(authorization: string | undefined): Principal | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return undefined;
    const hash = Buffer.from(hashToken(match[1]!), 'hex');
    const entry = this.#entries.find((e) => timingSafeEqual(Buffer.from(e.hash, 'hex'), hash));
    return entry ? { role: entry.role, name: entry.name } : undefined;
  }

  get size(): number {
    return this.#entries.length;
  }
}
