import type { FiguresEventData } from '@crimestats/contracts';
import { describe, expect, it } from 'vitest';
import { clickhouseEngines } from '../testing/index.ts';
import { withMigratedDatabase } from '../testing/migrated-database.ts';
import { DeliveriesRepository, type StoredDelivery } from './deliveries.ts';
import { FigureEventsRepository, type StoredFigureEvent } from './figure-events.ts';
import { SubscriptionsRepository } from './subscriptions.ts';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

const data = (area: string): FiguresEventData => ({
  area: { code: area, name: 'South Derbyshire' },
  periods: [],
  links: { comparisons: 'http://127.0.0.1/v1/comparisons', dashboard: 'http://127.0.0.1/' },
});

const event = (id: string, createdAtMs: number, offset: number): StoredFigureEvent => ({
  id,
  area: 'E07000039',
  createdAtMs,
  data: data('E07000039'),
  subscriptionIds: ['sub_a'],
  source: { name: 'crimestats.figures-updated.v1', partition: 2, offset },
});

const delivery = (overrides: Partial<StoredDelivery> = {}): StoredDelivery => ({
  id: 'msg_1',
  eventId: 'evt_1',
  subscriptionId: 'sub_a',
  area: 'E07000039',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: '2026-01-01T00:00:00.000Z',
  lastError: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

describe.each(clickhouseEngines)('subscriptions, events and deliveries (%s)', (engine) => {
  it('keeps subscriptions by version: disabled, removed, and listed by area', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new SubscriptionsRepository(db.client, db.database);
      const base = {
        categories: [],
        url: "https://example.org/it's",
        secret: SECRET,
        createdAt: '2026-01-01T00:00:00.000Z',
      };
      await repo.create({ ...base, id: 'sub_a', area: 'E07000039' });
      await repo.create({ ...base, id: 'sub_b', area: 'E06000015', categories: ['burglary'] });
      expect((await repo.get('sub_a'))?.url).toBe("https://example.org/it's");
      expect((await repo.list('E06000015')).map((s) => s.id)).toEqual(['sub_b']);
      expect(await repo.setStatus('sub_a', 'disabled')).toBe(true);
      expect(await repo.get('sub_a')).toMatchObject({ status: 'disabled', version: 2 });
      expect((await repo.activeFor(['E07000039', 'E06000015'])).map((s) => s.id)).toEqual([
        'sub_b',
      ]);
      expect(await repo.remove('sub_b')).toBe(true);
      expect(await repo.get('sub_b')).toBeUndefined();
      expect(await repo.remove('sub_b')).toBe(false);
      expect((await repo.list()).map((s) => s.id)).toEqual(['sub_a']);
    });
  });

  it('stores events once, reads them in order after a position, and keeps source marks', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new FigureEventsRepository(db.client, db.database);
      await repo.insert([event('evt_b', 1000, 10), event('evt_a', 1000, 11)]);
      await repo.insert([event('evt_c', 2000, 15), event('evt_c', 2000, 15)]);
      expect((await repo.forArea('E07000039', undefined, 2)).map((e) => e.id)).toEqual([
        'evt_b',
        'evt_c',
      ]);
      const after = { createdAtMs: 1000, id: 'evt_a' };
      expect((await repo.forArea('E07000039', after, 10)).map((e) => e.id)).toEqual([
        'evt_b',
        'evt_c',
      ]);
      expect((await repo.after({ createdAtMs: 1000, id: 'evt_b' }, 10)).map((e) => e.id)).toEqual([
        'evt_c',
      ]);
      expect(await repo.latestPosition()).toEqual({ createdAtMs: 2000, id: 'evt_c' });
      expect(await repo.marks('crimestats.figures-updated.v1')).toEqual(new Map([[2, 15]]));
      expect((await repo.get('evt_a'))?.data).toEqual(data('E07000039'));
      expect((await repo.since(1500, 10)).map((e) => e.id)).toEqual(['evt_c']);
    });
  });

  it('keeps the latest version of a delivery and every attempt', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new DeliveriesRepository(db.client, db.database);
      await repo.saveStates([delivery()]);
      await repo.saveStates([
        delivery({
          status: 'dead',
          attempts: 2,
          nextAttemptAt: null,
          lastError: 'HTTP 500',
          version: 3,
        }),
      ]);
      await repo.recordAttempts([
        {
          deliveryId: 'msg_1',
          subscriptionId: 'sub_a',
          attempt: 1,
          attemptedAt: '2026-01-01T00:00:01.000Z',
          outcome: 'failed',
          statusCode: null,
          durationMs: 10_000,
          error: 'timed out after 10 s',
        },
        {
          deliveryId: 'msg_1',
          subscriptionId: 'sub_a',
          attempt: 2,
          attemptedAt: '2026-01-01T00:00:05.000Z',
          outcome: 'failed',
          statusCode: 500,
          durationMs: 12.5,
          error: 'HTTP 500',
        },
      ]);
      expect(await repo.get('msg_1')).toMatchObject({ status: 'dead', attempts: 2, version: 3 });
      expect((await repo.list({ status: 'dead', limit: 10 })).map((d) => d.id)).toEqual(['msg_1']);
      expect(await repo.list({ status: 'pending', limit: 10 })).toEqual([]);
      expect(await repo.list({ areas: ['E06000015'], limit: 10 })).toEqual([]);
      expect((await repo.states(['msg_1', 'msg_2'])).size).toBe(1);
      const attempts = await repo.attempts('sub_a', 10);
      expect(attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
        [2, 500],
        [1, null],
      ]);
    });
  });
});
