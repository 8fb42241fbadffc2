import type { ComparisonAnswer } from '@crimestats/reporting';
import { FiguresEventSchema } from '@crimestats/contracts';
import { startWebhookReceiver, type WebhookReceiver } from '@crimestats/testkit';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePoliceUkFile } from '../../../../../packages/ingest/src/testing/generate-police-uk.ts';
import { runCli, startUp, type RunningUp } from '../../testing/cli-process.ts';

const ALLOW = { CRIMESTATS_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' };

describe('crimestats up delivers a signed webhook after crimestats ingest', () => {
  let home: string;
  let up: RunningUp;
  let receiver: WebhookReceiver;
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'crimestats-up-hooks-'));
    receiver = await startWebhookReceiver(secrets);
    up = await startUp(home, ['--no-sample'], ALLOW);
  }, 120_000);
  afterAll(async () => {
    await up?.stop();
    await receiver?.close();
    await rm(home, { recursive: true, force: true });
  });

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${up.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${up.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  it('sends each subscription its own area within 10 s, with the comparison API volume', async () => {
    for (const [area, path] of [
      ['E07000039', '/south'],
      ['E06000015', '/city'],
    ] as const) {
      const created = await api('POST', '/v1/subscriptions', {
        area,
        url: `${receiver.url}${path}`,
      });
      expect(created.status).toBe(201);
      secrets.set(path, String(created.json['secret']));
    }

    const file = join(home, '2025-12-derbyshire-street.csv');
    await writePoliceUkFile(file, { rows: 5_000, month: '2025-12', seed: 7 });
    const ingest = await runCli(home, ['ingest', file], ALLOW);
    expect(ingest.code, ingest.stderr).toBe(0);
    const ingested = performance.now();
    await receiver.until((r) => new Set(r.received.map((d) => d.path)).size === 2, 30_000);
    const waitedMs = performance.now() - ingested;
    expect(waitedMs).toBeLessThan(10_000);

    // Verified with the standardwebhooks library by the receiver; each has only its own area.
    const south = receiver.received.filter((d) => d.path === '/south');
    const city = receiver.received.filter((d) => d.path === '/city');
    expect(south).toHaveLength(1);
    expect(city).toHaveLength(1);
    const event = FiguresEventSchema.parse(south[0]!.payload);
    expect(event.type).toBe('figures.updated');
    expect(event.data.area.code).toBe('E07000039');
    expect(FiguresEventSchema.parse(city[0]!.payload).data.area.code).toBe('E06000015');

    const december = event.data.periods.find(
      (p) => p.period.end === '2025-12' && p.period.months === 12,
    );
    const total = december?.categories.find((c) => c.code === 'total-recorded-crime');
    const comparison = await api(
      'GET',
      '/v1/comparisons?category=total-recorded-crime&period=2025-12&months=12',
    );
    const row = (comparison.json as unknown as ComparisonAnswer).rows.find(
      (r) => r.area.code === 'E07000039',
    );
    expect(total?.volume).toBeGreaterThan(0);
    expect(total?.volume).toBe(row?.volume);
    expect(event.data.links.comparisons.startsWith(up.url)).toBe(true);
  }, 120_000);
});
