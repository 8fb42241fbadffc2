import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashToken, TokenRegistry } from '@crimestats/auth';
import {
  PLAN_CATEGORIES,
  PLAN_CATEGORY_CODES,
  cspAreas,
  defaultReference,
} from '@crimestats/domain';
import { ComparisonResponseSchema, renderBoardPack } from '@crimestats/reporting';
import {
  expectedComparisonCells,
  packTable,
  planFigureRows,
  readPackWorkbook,
} from '@crimestats/reporting/testing';
import { buildReportingApp, type ReportingApp } from '@crimestats/reporting-http';
import { createStore, migrate, type ClickHouseTarget } from '@crimestats/store';
import {
  clickhouseEngines,
  createTestDatabase,
  type TestDatabase,
} from '@crimestats/store/testing';
import { serviceProcessEnv } from '@crimestats/testkit';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serverReportReader, storeReportReader } from './report-reader.ts';

const TOKEN = 'analyst-secret-token';
const MAIN = join(import.meta.dirname, '../../main.ts');
const PERIOD_ENDS = ['2025-11', '2025-12'];
const query = { periodEnd: '2025-12', months: 12 };

function targetFor(engine: TestDatabase['engine']): ClickHouseTarget {
  return engine === 'server'
    ? { kind: 'server', url: inject('clickhouseUrl') }
    : { kind: 'embedded', path: ':memory:' };
}

/** A database with the plan's 12-month figures for the last two period ends of 2025, one load. */
async function seeded(engine: TestDatabase['engine']) {
  const db = await createTestDatabase(engine, inject('clickhouseUrl'));
  await migrate(db.client, db.database);
  const store = createStore(db.client, db.database);
  await store.figures.upsert(
    PLAN_CATEGORY_CODES.flatMap((category) =>
      PERIOD_ENDS.flatMap((periodEnd) => planFigureRows(category, periodEnd)),
    ),
  );
  await store.loads.record({
    batchId: '00000000-0000-4000-8000-000000000001',
    sourceKind: 'monthly-counts',
    sourceFile: 'plan-2025.csv',
    latestMonth: '2025-12',
    rows: 1000,
    records: 1000,
    loadedAt: new Date('2026-01-15T09:30:00Z'),
  });
  return db;
}

function reportingApp(db: TestDatabase): Promise<ReportingApp> {
  return buildReportingApp({
    store: { client: db.client, database: db.database },
    reference: defaultReference,
    tokens: new TokenRegistry([{ name: 'analyst', role: 'analyst', hash: hashToken(TOKEN) }]),
    logger: pino({ level: 'silent' }),
    metrics: new Registry(),
  });
}

describe.each(clickhouseEngines)('report pack reads as the API answers (%s)', (engine) => {
  let db: TestDatabase;
  let app: ReportingApp;

  beforeAll(async () => {
    db = await seeded(engine);
    app = await reportingApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  it('builds the same pack from the store as from a running server, holding the comparison API', async () => {
    const store = storeReportReader(
      { target: targetFor(engine), database: db.database, migrate: false },
      defaultReference,
    );
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const server = serverReportReader({ url: address, token: TOKEN });
    const [fromStore, fromServer] = await Promise.all(
      [store, server].map((reader) => reader.boardPack(query, cspAreas())),
    );
    expect(fromServer).toEqual(fromStore);
    const book = await readPackWorkbook(await renderBoardPack(fromStore!));
    for (const category of PLAN_CATEGORIES) {
      const res = await app.inject({
        method: 'GET',
        url: `/v1/comparisons?category=${category.code}&period=2025-12`,
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const answer = ComparisonResponseSchema.parse(res.json());
      const table = packTable(book.getWorksheet(category.shortTitle)!, 10);
      expect(table.rows).toEqual(expectedComparisonCells(answer.rows));
    }
  });
});

describe('crimestats report pack, the command, on a ClickHouse server', () => {
  let db: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    db = await seeded('server');
    folder = await mkdtemp(join(tmpdir(), 'crimestats-pack-'));
  });
  afterAll(async () => {
    await db?.cleanup();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  function crimestats(...args: string[]) {
    const env = serviceProcessEnv({
      CRIMESTATS_HOME: join(folder, 'home'),
      CLICKHOUSE_URL: inject('clickhouseUrl'),
      CLICKHOUSE_DATABASE: db.database,
      LOG_LEVEL: 'warn',
    });
    delete env['KAFKA_BROKERS'];
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', MAIN, ...args],
        { env, timeout: 120_000 },
        (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  it('writes the workbook to --out and prints its path', async () => {
    const out = join(folder, 'board-pack-2025-12.xlsx');
    const run = await crimestats('report', 'pack', '--period', '2025-12', '--out', out);
    expect(run).toMatchObject({ code: 0, stdout: `${out}\n` });
    const book = await readPackWorkbook(await readFile(out));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Contents',
      'Total crime',
      'Anti-social behaviour',
      'Business burglary',
      'Theft of motor vehicle',
      'Area changes',
      'Notes',
    ]);
    const total = packTable(book.getWorksheet('Total crime')!, 10);
    expect(total.rows[0]?.slice(0, 3)).toEqual([
      { text: 'Derby City' },
      { number: 30526, numFmt: '#,##0' },
      { number: expect.closeTo(111.3502, 4), numFmt: '0.00' },
    ]);
  });

  it('writes no file, and exits 1 naming the periods with figures, for a period with none', async () => {
    const out = join(folder, 'empty.xlsx');
    const run = await crimestats('report', 'pack', '--period', '2027-06', '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^crimestats: no figures for total-recorded-crime over the 12 months ending 2027-06: .*2025-11 to 2025-12/m,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses flags as the API refuses the parameters', async () => {
    const run = await crimestats('report', 'pack', '--period', '2025-12', '--months', '61');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'crimestats: --months: expected a whole number of months from 1 to 60',
    );
  });
});
