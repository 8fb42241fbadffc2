// pnpm bench:notify — webhook deliveries on the single-machine pipeline (embedded engine, the
// notifier and dispatcher `crimestats up` runs), to 100 subscribers on one loopback receiver that
// verifies every signature with the npm `standardwebhooks` library.
//  1. Latency: loads of one police.uk month each; for every subscriber, the time from the load's
//     figures being stored (ingest returns) to its delivery arriving. p50 and p99 over all.
//  2. Throughput: BENCH_NOTIFY_EVENTS events for all 100 subscribers put in the dispatcher's queue
//     at once; deliveries per minute until every one is delivered.
// BENCH_NOTIFY_LOADS (default 8) and BENCH_NOTIFY_EVENTS (default 200) change the sizes.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cspAreas,
  defaultAreas,
  defaultCategories,
  addMonths,
  parseMonth,
} from '@crimestats/domain';
import { expandInputs, ingestSources } from '@crimestats/ingest';
import { writePoliceUkFile } from '../../packages/ingest/src/testing/generate-police-uk.ts';
import {
  createSender,
  deliveriesOf,
  Dispatcher,
  eventIdOf,
  namesFrom,
  figuresEventData,
} from '@crimestats/notifier';
import { openSingleMachine, SAMPLE_FILE } from '@crimestats/single-machine';
import type { StoredFigureEvent } from '@crimestats/store';
import { newWebhookSecret, parseAllowList } from '@crimestats/webhooks';
import pino from 'pino';
import { Webhook } from 'standardwebhooks';

const LOADS = Number(process.env.BENCH_NOTIFY_LOADS ?? 8);
const EVENTS = Number(process.env.BENCH_NOTIFY_EVENTS ?? 200);
const SUBSCRIBERS = 100;
const FORCE = 'E23000018';
const logger = pino({ level: 'warn' });

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

/** A receiver that verifies each delivery and calls back with its path, id and arrival time. */
async function startReceiver(
  secrets: Map<string, Webhook>,
  onDelivery: (path: string, id: string, at: number) => void,
) {
  let refused = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const path = req.url ?? '';
      try {
        secrets
          .get(path)!
          .verify(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>);
        res.writeHead(204).end();
        onDelivery(path, String(req.headers['webhook-id']), at);
      } catch {
        refused++;
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    refused: () => refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'crimestats-bench-notify-'));
  const pipeline = await openSingleMachine({
    home,
    database: 'crimestats',
    forceCode: FORCE,
    logger,
  });
  const force = defaultAreas.get(FORCE);
  const ingest = async (paths: string[]) => {
    const report = await ingestSources(await expandInputs(paths), {
      areas: defaultAreas,
      categories: defaultCategories,
      force,
      sink: pipeline.ingestSink,
    });
    if (!report.ok) throw new Error(JSON.stringify(report.files));
  };
  await ingest([SAMPLE_FILE]);
  await pipeline.notifier.flushAll();

  const areas = cspAreas().map((a) => a.code);
  const secrets = new Map<string, Webhook>();
  let onDelivery = (_path: string, _id: string, _at: number) => {};
  const receiver = await startReceiver(secrets, (path, id, at) => onDelivery(path, id, at));
  const subscriptions = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const secret = newWebhookSecret();
    const path = `/s${i}`;
    secrets.set(path, new Webhook(secret));
    const subscription = {
      id: `sub_bench_${i}`,
      area: areas[i % areas.length]!,
      url: `${receiver.url}${path}`,
      categories: [],
      secret,
      createdAt: new Date().toISOString(),
    };
    await pipeline.store.subscriptions.create(subscription);
    subscriptions.push(subscription);
  }
  const dispatcher = new Dispatcher({
    store: pipeline.store,
    send: createSender({ allow: parseAllowList('127.0.0.1') }),
    concurrency: 32,
    logger,
  });
  await dispatcher.start();
  pipeline.deliverTo(dispatcher);

  // 1. Latency from stored figures to the receiver, a load at a time. "Stored" is when the
  // load's last figures insert returned.
  let stored = 0;
  const upsert = pipeline.store.figures.upsert.bind(pipeline.store.figures);
  pipeline.store.figures.upsert = async (rows) => {
    await upsert(rows);
    stored = performance.now();
  };
  const latencies: number[] = [];
  let month = parseMonth('2026-01');
  for (let load = 0; load < LOADS; load++, month = addMonths(month, 1)) {
    const file = join(home, `${month}-derbyshire-street.csv`);
    await writePoliceUkFile(file, { rows: 20_000, month, seed: load + 1 });
    const arrivals = new Map<string, number>();
    const all = new Promise<void>((resolve) => {
      onDelivery = (path, _id, at) => {
        if (!arrivals.has(path)) arrivals.set(path, at);
        if (arrivals.size === SUBSCRIBERS) resolve();
      };
    });
    await ingest([file]);
    await all;
    for (const at of arrivals.values()) latencies.push(Math.max(0, at - stored));
  }
  latencies.sort((a, b) => a - b);

  // 2. Throughput: many events for every subscriber at once.
  const names = namesFrom(defaultAreas, defaultCategories);
  const now = Date.now();
  const events: StoredFigureEvent[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const area = areas[i % areas.length]!;
    const data = figuresEventData(area, [], names, { publicUrl: 'http://127.0.0.1:8080' });
    events.push({
      id: eventIdOf(area, `bench-${i}`),
      area,
      createdAtMs: now,
      data,
      subscriptionIds: subscriptions.filter((s) => s.area === area).map((s) => s.id),
      source: { name: 'bench', partition: 0, offset: i },
    });
  }
  await pipeline.store.figureEvents.insert(events);
  const deliveries = events.flatMap((event) => deliveriesOf(event, now));
  await pipeline.store.deliveries.saveStates(deliveries);
  let delivered = 0;
  const done = new Promise<void>((resolve) => {
    onDelivery = () => {
      if (++delivered === deliveries.length) resolve();
    };
  });
  const started = performance.now();
  dispatcher.enqueue(deliveries);
  await done;
  const seconds = (performance.now() - started) / 1000;

  console.log(
    `bench:notify — ${SUBSCRIBERS} subscribers, one loopback receiver verifying signatures`,
  );
  console.log(
    `latency, figures stored → webhook received (${latencies.length} deliveries over ${LOADS} loads of 20,000 rows):`,
  );
  console.log(
    `  p50 ${quantile(latencies, 0.5).toFixed(0)} ms   p99 ${quantile(latencies, 0.99).toFixed(0)} ms   max ${latencies.at(-1)!.toFixed(0)} ms`,
  );
  console.log(
    `throughput: ${deliveries.length} deliveries in ${seconds.toFixed(1)} s = ${Math.round((deliveries.length / seconds) * 60)} deliveries/min`,
  );
  console.log(`signatures refused by the receiver: ${receiver.refused()}`);

  await dispatcher.stop(10_000);
  await receiver.close();
  await pipeline.close();
  rmSync(home, { recursive: true, force: true });
}

await main();
