import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pino from 'pino';
import yazl from 'yazl';
import { hashToken, parseTokenEntries, TokenRegistry } from '@crimestats/auth';
import { Publisher } from '@crimestats/kafka';
import {
  BatchReportSchema,
  MonthlyRecordSchema,
  type BatchReport,
  type MonthlyRecord,
} from '@crimestats/contracts';
import { defaultAreas, defaultCategories } from '@crimestats/domain';
import {
  ensureIngestTopics,
  fileIngester,
  kafkaIngestSink,
  type IngestTopicNames,
} from '@crimestats/ingest';
import { createTestTopics, type TestTopics } from '@crimestats/testkit';
import { buildIngestApp, type IngestApp } from './app.ts';
import { ingestMetrics } from './metrics.ts';

const ANALYST = 'analyst-secret-token';
const BOARD = 'board-secret-token';
const LIMIT = 64 * 1024;
const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const row = (month: string, lsoaName: string, type: string) =>
  `abc,${month},Derbyshire Constabulary,Derbyshire Constabulary,-1.5,52.9,"On or near Park Road, X",E01019000,${lsoaName},${type},Under investigation,`;
const policeUkCsv = (month: string) =>
  [
    HEADER,
    row(month, 'South Derbyshire 010B', 'Vehicle crime'),
    row(month, 'South Derbyshire 011A', 'Vehicle crime'),
    row(month, 'Derby 012A', 'Shoplifting'),
    row(month, 'High Peak 003C', 'Burglary'),
  ].join('\n') + '\n';
const AREAS = 9;
const POLICE_UK_CATEGORIES = defaultCategories.bySource('police-uk').length;

async function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  return buffer(zip.outputStream);
}

describe('ingest service HTTP API on the real broker', () => {
  let t: TestTopics;
  let topics: IngestTopicNames;
  let publisher: Publisher;
  let consumer: ReturnType<TestTopics['kafka']['consumer']>;
  let app: IngestApp;
  let ready = true;
  const received: { key: string; record: MonthlyRecord }[] = [];
  const logLines: string[] = [];
  const uploadDir = mkdtempSync(join(tmpdir(), 'crimestats-ingest-test-'));

  beforeAll(async () => {
    const quiet = pino({ level: 'silent' });
    t = await createTestTopics(inject('kafkaBrokers'), ['records', 'populations']);
    topics = { records: t.topics.records!, populations: t.topics.populations! };
    await ensureIngestTopics(t.kafka, quiet, topics);
    publisher = await Publisher.connect(t.kafka, quiet);

    consumer = t.kafka.consumer({ groupId: t.groupId, sessionTimeout: 6000 });
    await consumer.connect();
    await consumer.subscribe({ topic: topics.records, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({
          key: message.key!.toString(),
          record: MonthlyRecordSchema.parse(JSON.parse(message.value!.toString())),
        });
      },
    });

    // Everything the app logs, to check that tokens never appear in it.
    const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
    app = await buildIngestApp({
      logger,
      tokens: new TokenRegistry(
        parseTokenEntries(`me:analyst:${hashToken(ANALYST)},chair:board:${hashToken(BOARD)}`),
      ),
      ingestFile: fileIngester({
        areas: defaultAreas,
        categories: defaultCategories,
        force: defaultAreas.get('E23000018'),
        sink: kafkaIngestSink(publisher, topics),
      }),
      metrics: ingestMetrics(),
      maxUploadBytes: LIMIT,
      uploadDir,
      ready: () => ready,
    });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await consumer?.disconnect();
    await publisher?.disconnect();
    await t?.cleanup();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const upload = (
    query: string,
    payload: string | Buffer | Readable,
    opts: { token?: string; type?: string } = {},
  ) =>
    app.inject({
      method: 'POST',
      url: `/v1/uploads?${query}`,
      headers: {
        'content-type': opts.type ?? 'text/csv',
        ...(opts.token === undefined ? {} : { authorization: `Bearer ${opts.token}` }),
      },
      payload,
    });

  const recordsOf = async (batchId: string, expected: number) => {
    const deadline = Date.now() + 30_000;
    while (received.filter((m) => m.record.batchId === batchId).length < expected) {
      if (Date.now() > deadline) throw new Error(`only some records of ${batchId} arrived`);
      await sleep(100);
    }
    return received.filter((m) => m.record.batchId === batchId);
  };

  /** Messages on the records topic so far; publishing is acknowledged before the response. */
  const recordsOnTopic = async () => {
    const admin = t.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topics.records);
      return offsets.reduce((sum, o) => sum + Number(o.high), 0);
    } finally {
      await admin.disconnect();
    }
  };

  it('refuses uploads without a token, or with an unknown one, with 401', async () => {
    for (const token of [undefined, 'not-a-known-token']) {
      const res = await upload('filename=a.csv', policeUkCsv('2025-01'), { token });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json()).toEqual({ error: expect.stringMatching(/analyst token is required/) });
    }
  });

  it('refuses a valid token that is not an analyst with 403', async () => {
    const res = await upload('filename=a.csv', policeUkCsv('2025-01'), { token: BOARD });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatch(/only analysts/);
  });

  it('answers 400 naming the parameter and its allowed values', async () => {
    const badFormat = await upload('filename=a.csv&format=excel', 'x', { token: ANALYST });
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().error).toMatch(
      /^format must be one of police-uk, monthly-counts, population, home-office-csp/,
    );
    const noName = await upload('acceptValidRows=maybe', 'x', { token: ANALYST });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error).toMatch(
      /filename is required.*acceptValidRows must be true or false/,
    );
  });

  it('answers 415 for a body that is not a file', async () => {
    const res = await upload('filename=a.csv', '{}', { token: ANALYST, type: 'application/json' });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({ error: expect.any(String) });
  });

  it('ingests a police.uk CSV: 200, the batch report under the uploaded name, records keyed by force', async () => {
    const res = await upload(
      'filename=2025-01-derbyshire-street.csv&format=police-uk',
      policeUkCsv('2025-01'),
      { token: ANALYST },
    );
    expect(res.statusCode).toBe(200);
    const report: BatchReport = BatchReportSchema.parse(res.json());
    expect(report.ok).toBe(true);
    const [file] = report.files;
    expect(file).toMatchObject({
      file: '2025-01-derbyshire-street.csv',
      format: 'police-uk',
      status: 'accepted',
      rows: 4,
      months: ['2025-01'],
      records: AREAS * POLICE_UK_CATEGORIES,
    });

    const messages = await recordsOf(file!.batchId, file!.records);
    for (const m of messages) {
      // Keyed by force, so one aggregator instance owns all of a force's areas.
      expect(m.key).toBe('E23000018');
      expect(m.record.source.file).toBe('2025-01-derbyshire-street.csv');
    }
    const count = (area: string, category: string) =>
      messages.find((m) => m.record.areaCode === area && m.record.category === category)?.record
        .count;
    expect(count('E07000039', 'vehicle-crime')).toBe(2);
    expect(count('E06000015', 'shoplifting')).toBe(1);
    expect(count('E07000037', 'burglary')).toBe(1);
  });

  it('refuses a file with an invalid row: 422, the problem named, nothing published', async () => {
    const before = await recordsOnTopic();
    const res = await upload(
      'filename=counts.csv',
      'month,area_code,category,count\n2025-01,E07000039,shoplifting,12\n2025-01,E07000039,shoplifting,-3\n',
      { token: ANALYST },
    );
    expect(res.statusCode).toBe(422);
    const report = BatchReportSchema.parse(res.json());
    expect(report.ok).toBe(false);
    expect(report.files[0]).toMatchObject({
      file: 'counts.csv',
      format: 'monthly-counts',
      status: 'refused',
      records: 0,
      problemCount: 1,
    });
    expect(report.files[0]!.problems[0]).toMatchObject({ line: 3, field: 'count' });
    expect(await recordsOnTopic()).toBe(before);
  });

  it('refuses uploads over the size limit with 413, declared or not', async () => {
    const big = Buffer.alloc(LIMIT + 1, 'a');
    const declared = await upload('filename=big.csv', big, { token: ANALYST });
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error).toMatch(/larger than this service's limit of 64 KB/);

    // Streamed without a length: counted as it arrives.
    const streamed = await upload(
      'filename=big.csv',
      Readable.from([big.subarray(0, LIMIT), big.subarray(LIMIT)]),
      { token: ANALYST },
    );
    expect(streamed.statusCode).toBe(413);
  });

  it('ingests a data.police.uk zip, reporting each street file by its name in the archive', async () => {
    const zip = await zipOf({
      '2025-02/2025-02-derbyshire-street.csv': policeUkCsv('2025-02'),
      '2025-02/2025-02-derbyshire-outcomes.csv': 'not read',
      '2025-03/2025-03-derbyshire-street.csv': policeUkCsv('2025-03'),
    });
    const res = await upload('filename=police uk 2025.zip', zip, {
      token: ANALYST,
      type: 'application/zip',
    });
    expect(res.statusCode).toBe(200);
    const report = BatchReportSchema.parse(res.json());
    expect(report.files.map((f) => [f.file, f.status, f.months])).toEqual([
      ['police_uk_2025.zip!2025-02/2025-02-derbyshire-street.csv', 'accepted', ['2025-02']],
      ['police_uk_2025.zip!2025-03/2025-03-derbyshire-street.csv', 'accepted', ['2025-03']],
    ]);
    const messages = await recordsOf(report.files[1]!.batchId, report.files[1]!.records);
    expect(messages[0]!.record.source.file).toBe('2025-03-derbyshire-street.csv');
  });

  it('refuses a zip with no street files with 422 and says why, without the server path', async () => {
    const zip = await zipOf({ 'readme.txt': 'nothing here' });
    const res = await upload('filename=empty.zip', zip, {
      token: ANALYST,
      type: 'application/zip',
    });
    expect(res.statusCode).toBe(422);
    const [file] = BatchReportSchema.parse(res.json()).files;
    expect(file).toMatchObject({ file: 'empty.zip', status: 'refused' });
    expect(file!.error).toBe('empty.zip: no *-street.csv files in this archive');
  });

  it('answers the probes: /healthz always, /readyz only when connected', async () => {
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    ready = false;
    expect((await app.inject('/readyz')).statusCode).toBe(503);
    ready = true;
  });

  it('exposes ingestion metrics for Prometheus', async () => {
    const res = await app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('crimestats_ingest_files_total{status="accepted",via="upload"} 3');
    expect(res.body).toContain('crimestats_ingest_files_total{status="refused",via="upload"} 2');
    expect(res.body).toContain(
      `crimestats_ingest_records_published_total ${3 * AREAS * POLICE_UK_CATEGORIES}`,
    );
    expect(res.body).toContain('process_cpu_seconds_total');
  });

  it('never logs a token, and logs who uploaded', () => {
    const all = logLines.join('');
    expect(all).not.toContain(ANALYST);
    expect(all).not.toContain(BOARD);
    expect(all).toContain('"principal":"me"');
  });

  it('leaves no temporary upload behind', () => {
    expect(readdirSync(uploadDir)).toEqual([]);
  });
});

describe('ingest service when publishing fails', () => {
  it('answers 503 with the report saying the file was not published', async () => {
    const quiet = pino({ level: 'silent' });
    const t = await createTestTopics(inject('kafkaBrokers'), []);
    // Topics are never auto-created, so sending to one that does not exist fails at the deadline.
    const publisher = await Publisher.connect(t.kafka, quiet, { sendDeadlineMs: 500 });
    const app = await buildIngestApp({
      logger: quiet,
      tokens: new TokenRegistry(parseTokenEntries(`me:analyst:${hashToken(ANALYST)}`)),
      ingestFile: fileIngester({
        areas: defaultAreas,
        categories: defaultCategories,
        force: defaultAreas.get('E23000018'),
        sink: kafkaIngestSink(publisher, {
          records: `${t.groupId}-missing`,
          populations: `${t.groupId}-missing`,
        }),
      }),
      metrics: ingestMetrics(),
      maxUploadBytes: LIMIT,
      ready: () => true,
    });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/uploads?filename=2025-01-derbyshire-street.csv',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${ANALYST}` },
        payload: policeUkCsv('2025-01'),
      });
      expect(res.statusCode).toBe(503);
      expect(BatchReportSchema.parse(res.json()).files[0]).toMatchObject({
        status: 'publish-failed',
        error: expect.stringMatching(/^publishing failed: Kafka did not acknowledge/),
      });
    } finally {
      await app.close();
      await publisher.disconnect();
      await t.cleanup();
    }
  });
});
