import { hashToken, newToken } from '@crimestats/auth';
import { startWebhookReceiver, type WebhookReceiver } from '@crimestats/testkit';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSmtpReceiver,
  type SmtpReceiver,
} from '../../../../packages/digests/src/testing/smtp-receiver.ts';
import { writePoliceUkFile } from '../../../../packages/ingest/src/testing/generate-police-uk.ts';
import { reportingAppRoutes } from '../../../../packages/reporting-http/src/testing/app-routes.ts';
import { startUp, type RunningUp } from '../testing/cli-process.ts';

// A whole run of `crimestats up`, logging everything (LOG_LEVEL=debug): tokens used right and
// wrong, a webhook subscription and its secret, an email subscription through an SMTP server
// with a password, an upload and the deliveries it makes. Then every line it wrote is searched
// for each secret. The analyst token `up` makes is printed on purpose, on stdout, for its user.

const SOUTH = 'E07000039';

describe('crimestats up against attackers', () => {
  let home: string;
  let up: RunningUp;
  let hooks: WebhookReceiver;
  let smtp: SmtpReceiver;
  const hookSecrets = new Map<string, string>();
  const cspToken = newToken();
  const lapsedToken = newToken();
  const wrongToken = newToken();
  const smtpPassword = `pw-${randomBytes(12).toString('hex')}`;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'crimestats-up-secrets-'));
    hooks = await startWebhookReceiver(hookSecrets);
    smtp = await startSmtpReceiver({ user: 'mailer', password: smtpPassword });
    const smtpUrl = smtp.url;
    expect(smtpUrl).toContain(smtpPassword);
    up = await startUp(home, ['--no-sample'], {
      LOG_LEVEL: 'debug',
      CRIMESTATS_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
      CRIMESTATS_SMTP_URL: smtpUrl,
      CRIMESTATS_TOKENS: [
        `south:csp:${SOUTH}:${hashToken(cspToken)}`,
        `lapsed:board:${hashToken(lapsedToken)}@2020-01-01T00:00:00Z`,
      ].join(','),
      RATE_LIMIT_MAX: '150',
    });
  }, 120_000);
  afterAll(async () => {
    await up?.stop();
    await hooks?.close();
    await smtp?.close();
    await rm(home, { recursive: true, force: true });
  });

  const call = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${up.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('never logs a token, webhook secret or SMTP password in a whole run', async () => {
    expect((await call(cspToken, 'GET', '/v1/whoami')).status).toBe(200);
    expect((await call(wrongToken, 'GET', '/v1/whoami')).status).toBe(401);
    const lapsed = await call(lapsedToken, 'GET', '/v1/whoami');
    expect(lapsed.status).toBe(401);
    expect(lapsed.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await call(cspToken, 'GET', '/v1/areas/E06000015/changes?period=2025-12')).status).toBe(
      403,
    );

    const hook = await call(cspToken, 'POST', '/v1/subscriptions', {
      area: SOUTH,
      url: `${hooks.url}/south`,
    });
    expect(hook.status).toBe(201);
    const { id: hookId, secret } = (await hook.json()) as { id: string; secret: string };
    hookSecrets.set('/south', secret);
    const ping = await call(cspToken, 'POST', `/v1/subscriptions/${hookId}/ping`);
    expect(((await ping.json()) as { outcome: string }).outcome).toBe('delivered');

    const mail = await call(cspToken, 'POST', '/v1/subscriptions', {
      area: SOUTH,
      email: 'officer@example.gov.uk',
    });
    expect(mail.status).toBe(201);
    const { id: mailId } = (await mail.json()) as { id: string };
    expect((await call(cspToken, 'POST', `/v1/subscriptions/${mailId}/ping`)).status).toBe(200);
    await smtp.seen(1);

    const file = join(home, '2025-12-derbyshire-street.csv');
    await writePoliceUkFile(file, { rows: 2_000, month: '2025-12', seed: 11 });
    const upload = await fetch(`${up.url}/v1/uploads?filename=2025-12-derbyshire-street.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${up.token}`, 'content-type': 'text/csv' },
      body: await readFile(file),
    });
    expect(upload.status).toBe(200);
    // The load's event, to the webhook (verified with its secret by the receiver) and by email.
    await hooks.until((r) =>
      r.received.some(
        (d) => d.path === '/south' && (d.payload as { type?: string }).type !== 'ping',
      ),
    );
    await smtp.seen(2);

    const { stdout, stderr } = up.output();
    expect(stderr).toContain('"level"'); // it did log, as JSON lines to a pipe
    const secrets = {
      'CSP token': cspToken,
      'lapsed token': lapsedToken,
      'wrong token': wrongToken,
      'webhook secret': secret,
      "webhook secret's key": secret.replace(/^whsec_/, ''),
      'SMTP password': smtpPassword,
    };
    const found = Object.entries(secrets).flatMap(([what, value]) =>
      [stdout, stderr].some((text) => text.includes(value)) ? [what] : [],
    );
    expect(found).toEqual([]);
    expect(stderr).not.toContain(up.token);
    // The analyst token is on stdout only where `up` tells its user what it is.
    const banner = stdout.split('\n').filter((line) => line.includes(up.token));
    expect(banner).toHaveLength(2);
    for (const line of banner) expect(line).toMatch(/^(dashboard: |analyst token( \(new\))?: )/);
  }, 120_000);

  it('refuses a missing, wrong or expired token on every /v1 route it serves', async () => {
    const routes = [...(await reportingAppRoutes()), 'POST /v1/uploads'].filter((route) =>
      route.includes(' /v1/'),
    );
    const wrong: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const url = `${up.url}${path.replace(/\{\w+\}/g, 'E07000039')}`;
      for (const [what, token] of [
        ['none', undefined],
        ['wrong', wrongToken],
        ['lapsed', lapsedToken],
      ] as const) {
        const res = await fetch(url, {
          method,
          headers: {
            ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
            ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
          },
          ...(method === 'POST' ? { body: JSON.stringify({ area: 'E07000039' }) } : {}),
        });
        const challenge = res.headers.get('www-authenticate') ?? '';
        if (res.status !== 401 || (what === 'lapsed') !== challenge.includes('invalid_token'))
          wrong.push(`${route} (${what}): ${res.status} ${challenge}`);
        await res.body?.cancel();
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('limits each token with 429 and Retry-After, and sets the security headers', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 151 && last?.status !== 429; i++) {
      last = await call(cspToken, 'GET', '/v1/whoami');
    }
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await last?.json()) as { error: string }).error).toMatch(/^too many requests/);
    // Another holder is not held up by that one.
    expect((await call(up.token, 'GET', '/v1/whoami')).status).toBe(200);

    const oversized = await call(up.token, 'POST', '/v1/feeds', { area: 'x'.repeat(70_000) });
    expect(oversized.status).toBe(413);

    for (const path of ['/', '/dashboard/app.js', '/v1/areas', '/healthz', '/nowhere']) {
      const res = await fetch(`${up.url}${path}`, {
        headers: { authorization: `Bearer ${up.token}` },
      });
      expect({ path, nosniff: res.headers.get('x-content-type-options') }).toEqual({
        path,
        nosniff: 'nosniff',
      });
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
    const page = await fetch(`${up.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  }, 60_000);
});
