import { describe, expect, it } from 'vitest';
import {
  NOTHING_ALLOWED,
  checkTargetUrl,
  parseAllowList,
  resolveTarget,
  type Lookup,
} from './target-guard.ts';

// No test here connects anywhere or asks a real DNS server: lookups are injected, and a refusal is
// asserted before any connection could be made.

/** A lookup that answers from a table, and records every name it was asked. */
function fakeDns(table: Record<string, string[]>): Lookup & { asked: string[] } {
  const asked: string[] = [];
  const lookup = async (hostname: string) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (addresses === undefined) throw new Error('ENOTFOUND');
    return addresses.map((address) => ({ address }));
  };
  return Object.assign(lookup, { asked });
}

/** Checked as a subscription is, then resolved as a delivery is. */
async function guard(url: string, lookup: Lookup, allow = NOTHING_ALLOWED) {
  const checked = checkTargetUrl(url, allow);
  if (!checked.ok) return checked;
  return resolveTarget(checked.url, allow, lookup);
}

const dns = fakeDns({
  'hooks.example.org': ['93.184.216.34'],
  'localhost.example.org': ['127.0.0.1'],
  'metadata.example.org': ['169.254.169.254'],
  'rebind.example.org': ['93.184.216.34', '10.0.0.7'],
  'mapped.example.org': ['::ffff:127.0.0.1'],
  'v6.example.org': ['2606:2800:220:1:248:1893:25c8:1946'],
  'receiver.internal': ['10.1.2.3'],
});

describe('webhook targets', () => {
  it('accept https to a public address', async () => {
    expect(await guard('https://hooks.example.org/crimestats', dns)).toEqual({
      ok: true,
      address: '93.184.216.34',
      family: 4,
    });
    expect(await guard('https://v6.example.org/', dns)).toMatchObject({ ok: true, family: 6 });
  });

  it.each([
    'http://hooks.example.org/',
    'ftp://hooks.example.org/',
    'file:///etc/passwd',
    'not a url',
  ])('refuse %s before any lookup', async (url) => {
    const before = dns.asked.length;
    expect(await guard(url, dns)).toMatchObject({ ok: false });
    expect(dns.asked.length).toBe(before);
  });

  it.each([
    ['https://127.0.0.1/', 'loopback'],
    ['https://2130706433/', 'loopback'],
    ['https://0x7f000001/', 'loopback'],
    ['https://017700000001/', 'loopback'],
    ['https://127.1/', 'loopback'],
    ['https://[::1]/', 'loopback'],
    ['https://[::ffff:127.0.0.1]/', 'ipv4Mapped'],
    ['https://10.0.0.1/', 'private'],
    ['https://172.16.5.4/', 'private'],
    ['https://192.168.1.1/', 'private'],
    ['https://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['https://[fe80::1]/', 'linkLocal'],
    ['https://100.64.0.1/', 'carrierGradeNat'],
    ['https://224.0.0.1/', 'multicast'],
    ['https://[ff02::1]/', 'multicast'],
    ['https://0.0.0.0/', 'unspecified'],
    ['https://[::]/', 'unspecified'],
    ['https://[fc00::1]/', 'uniqueLocal'],
  ])('refuse %s (%s) at subscription, before any lookup', async (url, range) => {
    const before = dns.asked.length;
    const result = checkTargetUrl(url, NOTHING_ALLOWED);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toContain(range);
    expect(dns.asked.length).toBe(before);
  });

  it.each([
    ['https://localhost.example.org/', 'loopback'],
    ['https://metadata.example.org/', 'linkLocal'],
    ['https://mapped.example.org/', 'ipv4Mapped'],
    // One private answer among public ones is refused: a rebinding attacker mixes them.
    ['https://rebind.example.org/', 'private'],
  ])('refuse %s (%s) once resolved, at delivery time', async (url, range) => {
    expect(checkTargetUrl(url, NOTHING_ALLOWED)).toMatchObject({ ok: true });
    const result = await guard(url, dns);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toContain(range);
  });

  it('refuse credentials in the URL, and names that do not resolve', async () => {
    expect(await guard('https://user:pass@hooks.example.org/', dns)).toMatchObject({ ok: false });
    expect(await guard('https://nowhere.example.org/', dns)).toMatchObject({ ok: false });
  });

  it('let an operator allow receivers by address, CIDR or name, over http too', async () => {
    const allow = parseAllowList('127.0.0.1, 10.1.0.0/16, receiver.internal');
    expect(await guard('http://127.0.0.1:8999/hook', dns, allow)).toMatchObject({
      ok: true,
      address: '127.0.0.1',
    });
    expect(await guard('https://10.1.9.9/', dns, allow)).toMatchObject({ ok: true });
    expect(await guard('http://receiver.internal/', dns, allow)).toMatchObject({
      ok: true,
      address: '10.1.2.3',
    });
    // Allowing one address allows no other beside it; an allowed address is allowed whatever
    // name leads to it.
    expect(await guard('https://127.0.0.2/', dns, allow)).toMatchObject({ ok: false });
    expect(await guard('https://10.2.0.1/', dns, allow)).toMatchObject({ ok: false });
    expect(await guard('https://localhost.example.org/', dns, allow)).toMatchObject({ ok: true });
  });

  it('refuse an allow list entry that is no host, address or range', () => {
    expect(() => parseAllowList('10.0.0.0/33')).toThrow(/CIDR/);
    expect(() => parseAllowList('under_score!')).toThrow(/not a host/);
    expect(parseAllowList(undefined)).toEqual(NOTHING_ALLOWED);
  });
});
