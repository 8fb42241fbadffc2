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
