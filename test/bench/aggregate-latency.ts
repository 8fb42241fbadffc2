// Latency of figures through the running aggregator: on fresh topics and a fresh database holding
// 24 months of Derbyshire police.uk records, publish one new force-month (9 areas × 14 police.uk
// categories = 126 records, keyed by area as ingestion publishes them) and poll the figures
// until that month's period is readable with every record counted.
import { createServerTestDatabase } from '@crimestats/store/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { Publisher } from '@crimestats/kafka';
import {
  addMonths,
  defaultReference,
  monthsBetween,
  parseMonth,
  type Month,
} from '@crimestats/domain';
import { kafkaIngestSink } from '@crimestats/ingest';
import { createStore, migrate, type Store } from '@crimestats/store';
import { createTestTopics } from '@crimestats/testkit';
import {
  aggregatorMetrics,
  kafkaUpdatesSink,
  RecordProcessor,
  startAggregatorConsumer,
} from '@crimestats/aggregator';
import type { MonthlyRecord } from '@crimestats/contracts';

const FORCE = 'E23000018';
const PRELOADED = 24;
const FIRST = parseMonth('2023-01');
const REPEATS = Number(process.env.BENCH_LATENCY_REPEATS ?? 7);
const cspCodes = defaultReference.areas.cspMembersOf(FORCE).map((area) => area.code);
const policeUk = defaultReference.categories.bySource('police-uk').map((c) => c.code);

/** A deterministic count for every area, category and month. */
function countOf(area: number, category: number, month: Month): number {
  const m = monthsBetween(FIRST, month);
  return 5 + ((area * 7_919 + category * 104_729 + m * 1_299_709) % 300);
}

function forceMonth(month: Month): MonthlyRecord[] {
  const batchId = randomUUID();
  const revision = Date.now();
  return cspCodes.flatMap((areaCode, a) =>
    policeUk.map((category, c) => ({
      areaCode,
      category,
      month,
      months: 1 as const,
      count: countOf(a, c, month),
      source: { kind: 'police-uk' as const, file: `${month}-derbyshire-street.csv` },
      revision,
      batchId,
    })),
  );
}

/** The force area's 12-month volume of a category set ending at `end`, as the figures must say. */
function expectedForceVolume(end: Month, categories: (code: string) => boolean): number {
  let volume = 0;
  for (let k = 0; k < 12; k++) {
    const month = addMonths(end, -k);
    if (month < FIRST) continue;
    cspCodes.forEach((_, a) =>
      policeUk.forEach((code, c) => {
        if (categories(code)) volume += countOf(a, c, month);
      }),
    );
  }
  return volume;
}

async function readable(store: Store, end: Month): Promise<boolean> {
  for (const [category, counted] of [
    ['total-recorded-crime', (code: string) => code !== 'anti-social-behaviour'],
    ['anti-social-behaviour', (code: string) => code === 'anti-social-behaviour'],
  ] as const) {
    const rows = await store.figures.read({ category, months: 12, periodEnd: end });
    const force = rows.find((row) => row.areaCode === FORCE);
    if (rows.length !== 11 || force?.volume !== expectedForceVolume(end, counted)) return false;
  }
  return true;
}

/**
 * With `restart`, the consumer is started afresh (and has joined its group) before each month is
 * published, so each month is its first fetch; otherwise one consumer runs throughout.
 */
export async function measureLatency(
  brokers: string[],
  clickhouseUrl: string,
  restart: boolean,
  logger: Logger,
): Promise<Record<string, unknown>> {
  const t = await createTestTopics(
    brokers,
    ['records', 'populations', 'dlq', 'popdlq', 'updates'],
    6,
  );
  const topics = {
    records: t.topics.records!,
    populations: t.topics.populations!,
    deadLetter: t.topics.dlq!,
    populationsDeadLetter: t.topics.popdlq!,
    figuresUpdated: t.topics.updates!,
  };
  const db = await createServerTestDatabase(clickhouseUrl);
  const publisher = await Publisher.connect(t.kafka, logger);
  let consumer: Awaited<ReturnType<typeof startAggregatorConsumer>> | undefined;
  try {
    await migrate(db.client, db.database);
    const store = createStore(db.client, db.database);
    const processor = new RecordProcessor({
      store,
      reference: { ...defaultReference, forceCode: FORCE },
      windows: [12],
      updates: kafkaUpdatesSink(publisher, topics.figuresUpdated),
      logger,
    });
    const history = Array.from({ length: PRELOADED }, (_, i) => forceMonth(addMonths(FIRST, i)));
    await processor.processRecords(history.flat());

    const start = async () => {
      await consumer?.stop();
      consumer = await startAggregatorConsumer({
        kafka: t.kafka,
        groupId: t.groupId,
        topics,
        processor,
        reference: { ...defaultReference, forceCode: FORCE },
        publisher,
        logger,
        metrics: aggregatorMetrics(),
      });
      while (!consumer.ready()) await sleep(20);
    };
    await start();

    const sink = kafkaIngestSink(publisher, topics);
    const trials: { month: Month; fromAckMs: number; fromSendMs: number; publishMs: number }[] = [];
    // One unmeasured month first: the consumer's first fetch after joining is not the steady state.
    for (let i = 0; i <= REPEATS; i++) {
      const month = addMonths(FIRST, PRELOADED + i);
      if (restart && i > 0) await start();
      const sending = performance.now();
      await sink.publishRecords(forceMonth(month));
      const acked = performance.now();
      while (!(await readable(store, month))) await sleep(10);
      const done = performance.now();
      if (i > 0) {
        trials.push({
          month,
          fromAckMs: done - acked,
          fromSendMs: done - sending,
          publishMs: acked - sending,
        });
      }
    }
    return { trials, records: cspCodes.length * policeUk.length };
  } finally {
    await consumer?.stop();
    await publisher.disconnect();
    await db.cleanup();
    await t.cleanup();
  }
}
