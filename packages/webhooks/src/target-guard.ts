import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

// A webhook target must not let a subscriber reach what only this server can: loopback, private
// networks, link-local (cloud metadata at 169.254.169.254), CGNAT, multicast and the like, in any
// spelling (http://2130706433/, http://[::ffff:127.0.0.1]/). The URL is checked when a subscription
// is made, and every address its host resolves to is checked again before each delivery, so a DNS
// answer that changes later (rebinding) is caught. Operators allow on-premise receivers by name,
// address or CIDR.

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** The receivers an operator allows beyond the public internet (CRIMESTATS_WEBHOOK_ALLOW_HOSTS). */
export interface AllowList {
  hosts: ReadonlySet<string>;
  ranges: ReadonlyArray<[Address, number]>;
}

export const NOTHING_ALLOWED: AllowList = { hosts: new Set(), ranges: [] };

/** Comma-separated hosts, addresses and CIDRs; a RangeError names an entry that is none of them. */
export function parseAllowList(text: string | undefined): AllowList {
  const hosts = new Set<string>();
  const ranges: Array<[Address, number]> = [];
  for (const entry of (text ?? '').split(',').map((e) => e.trim().toLowerCase())) {
    if (entry === '') continue;
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) throw new RangeError(`not a CIDR range: "${entry}"`);
      ranges.push(ipaddr.parseCIDR(entry));
    } else if (ipaddr.isValid(entry)) {
      const address = ipaddr.parse(entry);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry)) {
      hosts.add(entry);
    } else {
      throw new RangeError(`not a host, address or CIDR range: "${entry}"`);
    }
  }
  return { hosts, ranges };
}

function addressAllowed(address: Address, allow: AllowList): boolean {
  return allow.ranges.some(
    ([network, bits]) => network.kind() === address.kind() && address.match(network, bits),
  );
}

/** Why an address is no place to deliver to, or undefined for a public unicast address. */
function forbiddenRange(address: Address): string | undefined {
  const range = address.range();
  // Everything but public unicast: loopback, private, linkLocal, carrierGradeNat, multicast,
  // unspecified, broadcast, uniqueLocal, ipv4Mapped, reserved, and the translation prefixes.
  return range === 'unicast' ? undefined : range;
}

export type TargetCheck = { ok: true; url: URL } | { ok: false; reason: string };

const refuse = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** The URL's host as an address when it is one (the URL parser has normalised its spelling). */
function literalAddress(url: URL): Address | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(host) ? ipaddr.parse(host) : undefined;
}

function hostAllowed(url: URL, allow: AllowList): boolean {
  const literal = literalAddress(url);
  return literal ? addressAllowed(literal, allow) : allow.hosts.has(url.hostname.toLowerCase());
}

/**
 * A target's form, before anything is resolved: `https`, or `http` to an allowed host; no
 * credentials in the URL; and an address written in the URL must be public or allowed.
 */
export function checkTargetUrl(text: string, allow: AllowList): TargetCheck {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('not a URL');
  }
  const allowed = hostAllowed(url, allow);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed)) {
    return refuse('only https targets are accepted (http only to allowed hosts)');
  }
  if (url.username !== '' || url.password !== '') return refuse('credentials in a URL are refused');
  const literal = literalAddress(url);
  if (literal && !allowed) {
    const range = forbiddenRange(literal);
    if (range !== undefined) return refuse(`the address ${literal.toString()} is ${range}`);
  }
  return { ok: true, url };
}

/** How a host name becomes addresses; injected in tests so that no lookup leaves the process. */
export type Lookup = (hostname: string) => Promise<ReadonlyArray<{ address: string }>>;

export const systemLookup: Lookup = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

export type ResolvedTarget =
  { ok: true; address: string; family: 4 | 6 } | { ok: false; reason: string };

/**
 * The address to connect to for a checked URL, resolved now: every address the host has must be
 * public or allowed (one bad answer among good ones is refused, as a rebinding attacker would mix
 * them). Connect to the address returned, not to the name, so no second lookup can differ.
 */
export async function resolveTarget(
  url: URL,
  allow: AllowList,
  lookup: Lookup = systemLookup,
): Promise<ResolvedTarget> {
  const literal = literalAddress(url);
  let addresses: Address[];
  if (literal) {
    addresses = [literal];
  } else {
    let answers: ReadonlyArray<{ address: string }>;
    try {
      answers = await lookup(url.hostname);
    } catch (error) {
      return refuse(`${url.hostname} did not resolve: ${(error as Error).message}`);
    }
    addresses = answers.map((answer) => ipaddr.parse(answer.address));
    if (addresses.length === 0) return refuse(`${url.hostname} has no address`);
  }
  const byName = !literal && allow.hosts.has(url.hostname.toLowerCase());
  for (const address of addresses) {
    const range = forbiddenRange(address);
    if (range !== undefined && !byName && !addressAllowed(address, allow)) {
      return refuse(`${url.hostname} resolves to ${address.toString()}, which is ${range}`);
    }
  }
  const first = addresses[0]!;
  return { ok: true, address: first.toString(), family: first.kind() === 'ipv4' ? 4 : 6 };
}
