import { once } from 'node:events';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FiguresUpdatedSchema, Topics, type FiguresUpdated } from '@crimestats/contracts';
import { addMonths, parseMonth } from '@crimestats/domain';
import { connectKafka, Publisher } from '@crimestats/kafka';
import { createStore, migrate } from '@crimestats/store';
import {
  eventually,
  seededRandom,
  startRestartableServers,
  startServiceProcess,
  startWebhookReceiver,
  type ReceivedDelivery,
  type RestartableServers,
  type ServiceProcess,
  type WebhookReceiver,
} from '@crimestats/testkit';
import { newWebhookSecret } from '@crimestats/webhooks';
import { loadFaultsConfig } from './faults-config.ts';
import { openFaultDatabase } from './figures.ts';
import { recordRecovery } from './record-recovery.ts';

const config = loadFaultsConfig();
const main = join(import.meta.dirname, '..', '..', 'services', 'notifier', 'src', 'main.ts');
const logger = pino({ level: 'silent' });
const AREAS = ['E07000039', 'E06000015'];
const SUBSCRIBERS_PER_AREA = 5;
const NOTICES_PER_WAVE = 20;

/** A notice whose period end and volume name it: no two in the case share them. */
function notice(areaCode: string, index: number): FiguresUpdated {
  const volume = 1_000 + index;
  return {
    areaCode,
    category: 'total-recorded-crime',
    months: 12,
    periodEnd: addMonths(parseMonth('2015-01'), index),
    before: null,
    after: {
      volume,
      ratePer1000: volume / 100,
      rank: 1,
      previousVolume: volume - 10,
      percentChange: 1,
      complete: true,
      significant: false,
    },
    changed: ['volume'],
    computedAt: '2026-01-01T00:00:00.000Z',
  };
}

interface DeliveredFigure {
  path: string;
  periodEnd: string;
  volume: number;
  id: string;
}

/** Every period's total a delivery carried, with the delivery's id. */
function figuresOf(delivery: ReceivedDelivery): DeliveredFigure[] {
  const { data } = delivery.payload as {
    data: { periods: { period: { end: string }; categories: { volume: number }[] }[] };
  };
  return data.periods.flatMap((p) =>
    p.categories.map((c) => ({
      path: delivery.path,
      periodEnd: p.period.end,
      volume: c.volume,
      id: delivery.id,
    })),
  );
}

describe(`notifier SIGKILLed ${config.FAULTS_NOTIFIER_KILLS} times during deliveries`, () => {
  let servers: RestartableServers;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    servers = await startRestartableServers();
  }, 600_000);
  afterAll(async () => {
    await receiver?.close();
    await servers?.stop();
  });

  it('loses no delivery and never sends one twice under different ids', async () => {
    console.log(`[faults] notifier-killed: seed ${config.FAULTS_SEED} (FAULTS_SEED to repeat)`);
    const random = seededRandom(config.FAULTS_SEED);
    const db = await openFaultDatabase(servers.clickhouseUrl);
    await migrate(db.client, db.database);
    const store = createStore(db.client, db.database);
    const subscribers = AREAS.flatMap((area) =>
      Array.from({ length: SUBSCRIBERS_PER_AREA }, (_, i) => ({
        id: `sub_${area}_${i}`,
        area,
        path: `/${area}/${i}`,
        secret: newWebhookSecret(),
      })),
    );
    receiver = await startWebhookReceiver(new Map(subscribers.map((s) => [s.path, s.secret])));
    for (const s of subscribers) {
      await store.subscriptions.create({
        id: s.id,
        area: s.area,
        url: `${receiver.url}${s.path}`,
        categories: [],
        secret: s.secret,
        createdAt: new Date().toISOString(),
      });
    }

    let current: ServiceProcess | undefined;
    const start = async () => {
      current = startServiceProcess(main, 'notifier started', {
        KAFKA_BROKERS: servers.brokers.join(','),
        CLICKHOUSE_URL: servers.clickhouseUrl,
        CLICKHOUSE_DATABASE: db.database,
        NOTIFIER_GROUP_ID: `${db.database}_notifier`,
        CRIMESTATS_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
        NOTIFIER_QUIET_MS: '100',
      });
      await current.address();
    };
    const kill = async () => {
      const child = current?.child;
      current = undefined;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    };

    const kafka = connectKafka({ brokers: servers.brokers, clientId: 'faults-notices', logger });
    const publisher = await Publisher.connect(kafka, logger);
    const published: FiguresUpdated[] = [];
    const landed: number[] = [];
    try {
      await start();
      let restarted = performance.now();
      for (let wave = 0; wave <= config.FAULTS_NOTIFIER_KILLS; wave++) {
        const notices = AREAS.flatMap((area, a) =>
          Array.from({ length: NOTICES_PER_WAVE }, (_, i) =>
            notice(area, (wave * AREAS.length + a) * NOTICES_PER_WAVE + i),
          ),
        );
        published.push(...notices);
        const before = receiver.received.length;
        await publisher.publish(
          Topics.figuresUpdated,
          FiguresUpdatedSchema,
          notices.map((n) => ({ key: n.areaCode, value: n })),
        );
        if (wave === config.FAULTS_NOTIFIER_KILLS) break;
        // The kill lands after a random number of this wave's deliveries have arrived, with
        // others in flight or still to send.
        const after = 1 + Math.floor(random() * SUBSCRIBERS_PER_AREA * AREAS.length);
        await receiver.until((r) => r.received.length >= before + after, 120_000);
        await kill();
        landed.push(receiver.received.length - before);
        await start();
        restarted = performance.now();
      }

      const expected = subscribers.flatMap((s) =>
        published
          .filter((n) => n.areaCode === s.area)
          .map((n) => `${s.path}|${n.periodEnd}|${n.after!.volume}`),
      );
      const deliveredKeys = () =>
        new Set(
          receiver.received.flatMap(figuresOf).map((f) => `${f.path}|${f.periodEnd}|${f.volume}`),
        );
      await eventually(
        'every notice delivered to every subscriber of its area',
        async () => expected.every((key) => deliveredKeys().has(key)),
        600_000,
      );
      const recoveryMs = performance.now() - restarted;
      await eventually(
        'no delivery left pending',
        async () => {
          const pending = await store.deliveries.list({ status: 'pending', limit: 10 });
          return pending.length === 0;
        },
        120_000,
      );

      // A figure sent twice is allowed only as a retry of the same delivery (the same id).
      const idsByFigure = new Map<string, Set<string>>();
      for (const f of receiver.received.flatMap(figuresOf)) {
        const key = `${f.path}|${f.periodEnd}|${f.volume}`;
        idsByFigure.set(key, (idsByFigure.get(key) ?? new Set()).add(f.id));
      }
      const twice = [...idsByFigure].filter(([, ids]) => ids.size > 1);
      expect(twice.map(([key, ids]) => `${key}: ${[...ids].join(', ')}`)).toEqual([]);
      expect(new Set(deliveredKeys())).toEqual(new Set(expected));
      const ids = receiver.received.map((d) => d.id);
      recordRecovery({
        name: `notifier SIGKILL ×${config.FAULTS_NOTIFIER_KILLS}`,
        recoveryMs,
        seed: config.FAULTS_SEED,
        detail: `${published.length} notices, ${subscribers.length} subscribers, ${new Set(ids).size} deliveries (${ids.length - new Set(ids).size} repeated under their own id); kills after ${landed.join(', ')} of a wave's deliveries`,
      });
    } finally {
      await kill();
      await publisher.disconnect();
      await db.close();
    }
  }, 1_800_000);
});
