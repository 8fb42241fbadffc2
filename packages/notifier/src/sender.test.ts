import { newWebhookSecret, parseAllowList, type Lookup } from '@crimestats/webhooks';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { createSender } from './sender.ts';
import { startReceiver, type Answer, type Receiver } from './testing/receiver.ts';

// Every request here goes to a receiver on 127.0.0.1; names resolve only through injected lookups
// (a name that would leave the process is never asked of real DNS), and refused targets are
// asserted to have reached nothing.

const secret = newWebhookSecret();
const body = JSON.stringify({ type: 'figures.updated', data: { area: { code: 'E07000039' } } });
const message = { id: 'msg_sender_test_1', body };
const allow = parseAllowList('127.0.0.1, receiver.invalid');

/** A lookup answering from a table, recording each name asked. */
function fakeDns(table: Record<string, string>): Lookup & { asked: string[] } {
  const asked: string[] = [];
  const lookup: Lookup = async (hostname) => {
    asked.push(hostname);
    const address = table[hostname];
    if (address === undefined) throw new Error(`ENOTFOUND ${hostname}`);
    return [{ address }];
  };
  return Object.assign(lookup, { asked });
}

const receivers: Receiver[] = [];
async function receiver(answer?: (n: number) => Answer): Promise<Receiver> {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

describe('the webhook sender', () => {
  it('POSTs the exact body with Standard Webhooks headers the reference library verifies', async () => {
    const r = await receiver(() => ({ status: 204 }));
    const send = createSender({ allow, lookup: fakeDns({}), userAgent: 'crimestats-test/1' });
    const result = await send({ url: `${r.origin}/hooks/crime?x=1`, secret }, message);
    expect(result).toMatchObject({ outcome: 'delivered', statusCode: 204, error: null });
    expect(result.durationMs).toBeGreaterThan(0);
    const [seen] = r.received;
    expect(seen).toMatchObject({ method: 'POST', path: '/hooks/crime?x=1', body });
    expect(seen!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'crimestats-test/1',
      'webhook-id': message.id,
    });
    const headers = seen!.headers as Record<string, string>;
    expect(new Webhook(secret).verify(seen!.body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newWebhookSecret()).verify(seen!.body, headers)).toThrow();
  });

  it('signs each attempt at its own time, under the same webhook-id', async () => {
    const r = await receiver();
    let now = Date.now();
    const send = createSender({ allow, clock: () => now });
    await send({ url: r.origin, secret }, message);
    now += 7_000;
    await send({ url: r.origin, secret }, message);
    const [first, second] = r.received;
    expect(Number(second!.headers['webhook-timestamp'])).toBe(
      Number(first!.headers['webhook-timestamp']) + 7,
    );
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(second!.body).toBe(first!.body);
    for (const seen of [first!, second!]) {
      expect(() => new Webhook(secret).verify(seen.body, seen.headers as never)).not.toThrow();
    }
  });

  it('connects to the checked address and keeps the name as the Host header', async () => {
    const r = await receiver();
    const dns = fakeDns({ 'receiver.invalid': '127.0.0.1' });
    const send = createSender({ allow, lookup: dns });
    const result = await send({ url: `http://receiver.invalid:${r.port}/in`, secret }, message);
    expect(result.outcome).toBe('delivered');
    expect(dns.asked).toEqual(['receiver.invalid']);
    expect(r.received[0]!.headers.host).toBe(`receiver.invalid:${r.port}`);
  });

  it('resolves again at every attempt', async () => {
    const r = await receiver();
    const dns = fakeDns({ 'receiver.invalid': '127.0.0.1' });
    const send = createSender({ allow, lookup: dns });
    const url = `http://receiver.invalid:${r.port}/`;
    await send({ url, secret }, message);
    await send({ url, secret }, message);
    expect(dns.asked).toEqual(['receiver.invalid', 'receiver.invalid']);
  });

  it('takes 410 Gone as gone and any other status as failed', async () => {
    const statuses = [410, 500, 503, 404, 429];
    const r = await receiver((n) => ({ status: statuses[n - 1]! }));
    const send = createSender({ allow });
    const results = [];
    for (const _ of statuses) results.push(await send({ url: r.origin, secret }, message));
    expect(results.map((x) => [x.outcome, x.statusCode, x.error])).toEqual([
      ['gone', 410, 'HTTP 410'],
      ['failed', 500, 'HTTP 500'],
      ['failed', 503, 'HTTP 503'],
      ['failed', 404, 'HTTP 404'],
      ['failed', 429, 'HTTP 429'],
    ]);
  });

  it('does not follow a redirect', async () => {
    const r = await receiver((n) =>
      n === 1 ? { status: 301, headers: { location: '/elsewhere' } } : { status: 200 },
    );
    const send = createSender({ allow });
    const result = await send({ url: `${r.origin}/first`, secret }, message);
    expect(result).toMatchObject({
      outcome: 'failed',
      statusCode: 301,
      error: 'HTTP 301: redirect not followed',
    });
    expect(r.received.map((x) => x.path)).toEqual(['/first']);
  });

  it('gives up on a receiver that never answers after the timeout', async () => {
    const r = await receiver(() => 'hang');
    const send = createSender({ allow, timeoutMs: 200 });
    const result = await send({ url: r.origin, secret }, message);
    expect(result).toMatchObject({
      outcome: 'failed',
      statusCode: null,
      error: 'timed out after 0.2 s',
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(150);
    expect(r.received).toHaveLength(1);
  });

  it('gives up on a lookup that never answers after the timeout', async () => {
    const send = createSender({ allow, timeoutMs: 100, lookup: () => new Promise(() => {}) });
    const result = await send({ url: 'https://slow.invalid/', secret }, message);
    expect(result).toMatchObject({ outcome: 'failed', error: 'timed out after 0.1 s' });
  });

  it('reports a refused connection as failed, with the network error', async () => {
    const r = await receiver();
    const url = r.origin;
    await r.close();
    const result = await createSender({ allow })({ url, secret }, message);
    expect(result.outcome).toBe('failed');
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/ECONNREFUSED/);
  });

  it.each([
    ['10.0.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['::ffff:127.0.0.1', 'ipv4Mapped'],
  ])('refuses a name resolving to %s (%s), connecting to nothing', async (address, range) => {
    const r = await receiver();
    const dns = fakeDns({ 'rebound.invalid': address });
    const send = createSender({ allow: parseAllowList('127.0.0.1'), lookup: dns });
    const result = await send({ url: `https://rebound.invalid:${r.port}/`, secret }, message);
    expect(result.outcome).toBe('refused');
    expect(result.statusCode).toBeNull();
    expect(result.error).toContain(range);
    expect(dns.asked).toEqual(['rebound.invalid']);
    expect(r.received).toHaveLength(0);
  });

  it('refuses a URL the guard refuses before any lookup', async () => {
    const dns = fakeDns({});
    const send = createSender({ allow: parseAllowList('127.0.0.1'), lookup: dns });
    for (const url of ['http://10.0.0.1/', 'https://169.254.169.254/', 'http://named.invalid/']) {
      const result = await send({ url, secret }, message);
      expect(result.outcome).toBe('refused');
      expect(result.error).toMatch(/^refused: /);
    }
    expect(dns.asked).toEqual([]);
  });

  it('never throws: a bad secret is a failed attempt that reaches nothing', async () => {
    const r = await receiver();
    const result = await createSender({ allow })({ url: r.origin, secret: 'nope' }, message);
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatch(/whsec_/);
    expect(r.received).toHaveLength(0);
  });
});
