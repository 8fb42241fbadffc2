import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { hashToken, newToken } from '@crimestats/auth';
import { unsubscribeToken } from '@crimestats/notifier';
import { createStore, migrate } from '@crimestats/store';
import { createServerTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { eventually, serviceProcessEnv } from '@crimestats/testkit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const main = join(import.meta.dirname, 'main.ts');
const TOKEN = 'board-member-token';
const ANALYST = newToken();
// Nothing listens on port 9: email pings fail, after the password was handed to the client.
const SMTP_PASSWORD = `pw-${newToken()}`;

describe('the reporting service process', () => {
  let db: TestDatabase;
  let child: ChildProcess;
  let url: string;
  /** Every line the service writes: its logs, as JSON lines. */
  const lines: string[] = [];

  beforeAll(async () => {
    db = await createServerTestDatabase(inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: serviceProcessEnv({
        CLICKHOUSE_URL: inject('clickhouseUrl'),
        CLICKHOUSE_DATABASE: db.database,
        CRIMESTATS_TOKENS: `board:board:${hashToken(TOKEN)},analyst:analyst:${hashToken(ANALYST)}`,
        CRIMESTATS_SMTP_URL: `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:9`,
        PORT: '0',
        LOG_LEVEL: 'debug',
      }),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // The service says where it listens in its first info line.
    url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the service exited with ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        lines.push(line);
        const entry = JSON.parse(line) as { msg?: string; host?: string; port?: number };
        if (entry.port !== undefined) resolve(`http://${entry.host}:${entry.port}`);
      });
    });
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await db?.cleanup();
  });

  it('serves the dashboard beside the API, and the probes', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain('<script');
    expect((await fetch(`${url}/dashboard/app.js`)).status).toBe(200);
    const areas = await fetch(`${url}/v1/areas`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(areas.status).toBe(200);
    expect((await fetch(`${url}/v1/areas`)).status).toBe(401);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('reports on a force whose reference is loaded after it started, without a restart', async () => {
    const read = (path: string) =>
      fetch(`${url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const comparison = '/v1/comparisons?category=drugs&period=2025-12&force=E23000099';
    const before = await read(comparison);
    expect(before.status).toBe(404);
    expect(await before.text()).toContain('unknown force');

    await createStore(db.client, db.database).referenceAreas.insert(
      [
        {
          areaCode: 'E07000901',
          areaName: 'Alphaton',
          forceCode: 'E23000099',
          forceName: 'Exampleshire Police',
          policeUkName: 'Exampleshire Police',
        },
      ],
      { file: 'exampleshire-areas.csv', revision: Date.now(), batchId: 'exampleshire' },
    );
    // Read again within the service's check interval (a few seconds), on a request.
    await eventually(
      'the loaded areas to be served',
      async () => (await (await read('/v1/areas?format=csv')).text()).includes('E07000901'),
      60_000,
    );
    const after = await read(comparison);
    expect(await after.text()).not.toContain('unknown force');
  });

  it('never logs a token, a webhook secret, an unsubscribe token or the SMTP password', async () => {
    const call = (method: string, path: string, body?: unknown, token = ANALYST) =>
      fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const hook = await call('POST', '/v1/subscriptions', {
      area: 'E07000039',
      url: 'https://hooks.example.org/crimestats',
    });
    expect(hook.status).toBe(201);
    const { secret } = (await hook.json()) as { secret: string };
    const mail = await call('POST', '/v1/subscriptions', {
      area: 'E07000039',
      email: 'officer@example.gov.uk',
    });
    const { id } = (await mail.json()) as { id: string };
    const ping = await call('POST', `/v1/subscriptions/${id}/ping`);
    expect(((await ping.json()) as { outcome: string }).outcome).toBe('failed');
    const stored = await createStore(db.client, db.database).subscriptions.get(id);
    const proof = unsubscribeToken(id, stored!.secret);
    expect((await fetch(`${url}/unsubscribe/${id}?token=${proof}`)).status).toBe(200);
    expect((await call('GET', '/v1/whoami', undefined, `${ANALYST}x`)).status).toBe(401);
    // Request lines are written as answers go out: wait for the last one's.
    await eventually('the unsubscribe request logged', async () =>
      lines.some((line) => line.includes(`/unsubscribe/${id}?token=[hidden]`)),
    );
    const text = lines.join('\n');
    const found = Object.entries({
      ANALYST,
      TOKEN,
      secret,
      key: secret.replace(/^whsec_/, ''),
      stored: stored!.secret,
      proof,
      SMTP_PASSWORD,
    }).flatMap(([what, value]) => (text.includes(value) ? [what] : []));
    expect(found).toEqual([]);
  });
});
