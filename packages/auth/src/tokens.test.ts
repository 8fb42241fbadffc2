import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureLocalToken } from './local-token.ts';
import { canLoadData, cspAreaOf } from './roles.ts';
import { hashToken, parseTokenEntries, TokenRegistry } from './tokens.ts';

describe('tokens', () => {
  const board = hashToken('board-secret');
  const csp = hashToken('sd-secret');
  const registry = new TokenRegistry(
    parseTokenEntries(`chair:board:${board}, south:csp:E07000039:${csp}`),
  );

  it('knows configured tokens by their hash, with their role', () => {
    expect(registry.authenticate('Bearer board-secret')).toEqual({ role: 'board', name: 'chair' });
    expect(registry.authenticate('bearer sd-secret')).toEqual({
      role: 'csp:E07000039',
      name: 'south',
    });
  });

  it('refuses missing, malformed and unknown tokens', () => {
    for (const header of [
      undefined,
      '',
      'board-secret',
      'Basic Ym9hcmQ=',
      'Bearer ',
      'Bearer nope',
    ]) {
      expect(registry.authenticate(header)).toBeUndefined();
    }
  });

  it('rejects entries without a valid role or hash, saying why', () => {
    expect(() => parseTokenEntries('x:admin:' + board)).toThrow();
    expect(() => parseTokenEntries('x:board:notahash')).toThrow(/sha256 hex/);
    expect(() => parseTokenEntries('x:csp:E0700:' + board)).toThrow(/csp:<ONS area code>/);
    expect(parseTokenEntries(undefined)).toEqual([]);
  });

  it('reads an optional expiry after the hash, and refuses the token from then on', () => {
    const [entry] = parseTokenEntries(`a@example.org:board:${board}@2027-03-31T23:59:59Z`);
    expect(entry).toEqual({
      name: 'a@example.org',
      role: 'board',
      hash: board,
      expiresAt: new Date('2027-03-31T23:59:59Z'),
    });
    expect(parseTokenEntries(`a@example.org:board:${board}`)[0]).toEqual({
      name: 'a@example.org',
      role: 'board',
      hash: board,
    });
    let now = new Date('2027-03-31T23:59:58Z');
    const expiring = new TokenRegistry([entry!], () => now);
    expect(expiring.check('Bearer board-secret')).toEqual({
      ok: true,
      principal: { role: 'board', name: 'a@example.org' },
    });
    now = new Date('2027-03-31T23:59:59Z');
    expect(expiring.check('Bearer board-secret')).toEqual({
      ok: false,
      reason: 'expired',
      name: 'a@example.org',
      expiresAt: new Date('2027-03-31T23:59:59Z'),
    });
    expect(expiring.authenticate('Bearer board-secret')).toBeUndefined();
    expect(expiring.check('Bearer other')).toEqual({ ok: false, reason: 'unknown' });
    expect(expiring.check(undefined)).toEqual({ ok: false, reason: 'missing' });
  });

  it('names the entry and the rule when an expiry is malformed', () => {
    expect(() => parseTokenEntries(`chair:board:${board}@2027-03-31`)).toThrow(
      /token entry \\"chair\\".*ISO 8601 date-time/,
    );
    expect(() => parseTokenEntries(`chair:board:${board}@`)).toThrow(/ISO 8601/);
  });

  it('gives roles their rights', () => {
    expect(canLoadData({ role: 'analyst', name: 'a' })).toBe(true);
    expect(canLoadData({ role: 'board', name: 'b' })).toBe(false);
    expect(cspAreaOf({ role: 'csp:E07000039', name: 'c' })).toBe('E07000039');
    expect(cspAreaOf({ role: 'board', name: 'b' })).toBeUndefined();
  });

  it('makes a local analyst token once and keeps it private', async () => {
    const home = mkdtempSync(join(tmpdir(), 'crimestats-home-'));
    const first = await ensureLocalToken(home);
    const second = await ensureLocalToken(home);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.token).toBe(first.token);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    expect(new TokenRegistry([first.entry]).authenticate(`Bearer ${first.token}`)?.role).toBe(
      'analyst',
    );
  });
});
