import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonthlyRecord } from '@crimestats/contracts';
import { TokenRegistry, ensureLocalToken } from '@crimestats/auth';
import {
  openSingleMachine,
  removeServerInfoSync,
  writeServerInfo,
  type SingleMachine,
} from '@crimestats/single-machine';
import { loadReference } from '@crimestats/store';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  buildTestApp,
  TOKENS,
} from '../../../../../packages/reporting-http/src/testing/reporting-fixture.ts';
import { loadCliConfig } from '../../config.ts';
import { changesRequestFrom } from './changes.ts';
import { reportReaderFor } from './report-reader.ts';
import { trendRequestFrom } from './trend.ts';

// The API's `force=`: a deployment for Derbyshire answers for a loaded force too, from figures
// single-machine mode computed when that force's records came in.

const FORCE = 'E23000099';
const force = { forceCode: FORCE, forceName: 'Exampleshire', policeUkName: 'Exampleshire Police' };
const home = mkdtempSync(join(tmpdir(), 'crimestats-force-api-'));

describe('GET /v1/comparisons?force=', () => {
  let pipeline: SingleMachine;
  beforeAll(async () => {
    const logger = pino({ level: 'silent' });
    const first = await openSingleMachine({
      home,
      database: 'crimestats',
      forceCode: 'E23000018',
      logger,
    });
    await first.store.referenceAreas.insert(
      [
        { areaCode: 'E07000901', areaName: 'Alphaton', ...force },
        { areaCode: 'E07000902', areaName: 'Betaby', ...force },
      ],
      { file: 'ref.csv', revision: 1, batchId: randomUUID() },
    );
    await first.store.referenceCategories.insert(
      [{ code: 'domestic-abuse-flagged', label: 'Domestic abuse', parent: 'total-recorded-crime' }],
      { file: 'categories.csv', revision: 1, batchId: randomUUID() },
    );
    await first.close();
    // Opened again, as each command does: the loaded areas are now the pipeline's reference.
    pipeline = await openSingleMachine({
      home,
      database: 'crimestats',
      forceCode: 'E23000018',
      logger,
    });
    const batch = { revision: Date.now(), batchId: randomUUID() };
    await pipeline.ingestSink.publishPopulations([
      {
        areaCode: 'E07000901',
        year: 2025,
        population: 10_000,
        source: { file: 'p.csv' },
        ...batch,
      },
      {
        areaCode: 'E07000902',
        year: 2025,
        population: 20_000,
        source: { file: 'p.csv' },
        ...batch,
      },
    ]);
    const records: MonthlyRecord[] = ['2025-01', '2025-02'].flatMap((month) => [
      {
        areaCode: 'E07000901',
        category: 'drugs',
        month,
        months: 1,
        count: 3,
        source: { kind: 'monthly-counts', file: 'c.csv' },
        ...batch,
      },
      {
        areaCode: 'E07000902',
        category: 'drugs',
        month,
        months: 1,
        count: 10,
        source: { kind: 'monthly-counts', file: 'c.csv' },
        ...batch,
      },
    ]);
    await pipeline.ingestSink.publishRecords(records);
  }, 120_000);
  afterAll(async () => {
    await pipeline?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it("ranks the loaded force's areas, then its force row; refuses an area that is not a force", async () => {
    const reference = { ...(await loadReference(pipeline.store)), forceCode: 'E23000018' };
    const app = await buildTestApp(pipeline, { reference });
    try {
      const answer = await app.inject({
        url: `/v1/comparisons?category=drugs&period=2025-02&months=2&force=${FORCE}`,
        headers: bearer(TOKENS.analyst),
      });
      expect(answer.statusCode).toBe(200);
      const rows = (
        answer.json() as { rows: { area: { code: string }; volume: number; rank: number | null }[] }
      ).rows;
      expect(rows.map((row) => [row.area.code, row.volume, row.rank])).toEqual([
        ['E07000902', 20, 1],
        ['E07000901', 6, 2],
        [FORCE, 26, null],
      ]);
      const refused = await app.inject({
        url: '/v1/comparisons?category=drugs&period=2025-02&months=2&force=E07000039',
        headers: bearer(TOKENS.analyst),
      });
      expect(refused.statusCode).toBe(404);
      expect(refused.body).toContain('unknown force');
    } finally {
      await app.close();
    }
  });

  it('gives the report commands the loaded reference while `crimestats up` holds the store', async () => {
    // As `up` serves it: the reporting app on loopback, its address in the home, the local token.
    const { entry } = await ensureLocalToken(home);
    const reference = { ...(await loadReference(pipeline.store)), forceCode: 'E23000018' };
    const app = await buildTestApp(pipeline, { reference, tokens: new TokenRegistry([entry]) });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    await writeServerInfo(home, { pid: process.pid, url, startedAt: new Date().toISOString() });
    try {
      const config = loadCliConfig({ CRIMESTATS_HOME: home });
      const reader = await reportReaderFor(config, FORCE);
      // The loaded area, force and category are known, as they are to the server.
      expect(reader.reference.areas.byCode('E07000901')?.name).toBe('Alphaton');
      expect(reader.reference.areas.byCode(FORCE)?.policeForce?.policeUkName).toBe(
        'Exampleshire Police',
      );
      expect(reader.reference.categories.byCode('domestic-abuse-flagged')?.label).toBe(
        'Domestic abuse',
      );
      const compared = await reader.comparison({
        category: 'drugs',
        periodEnd: '2025-02',
        months: 2,
      });
      expect(compared.rows.map((row) => [row.area.code, row.volume])).toEqual([
        ['E07000902', 20],
        ['E07000901', 6],
        [FORCE, 26],
      ]);
      const flags = { area: 'E07000901', period: '2025-02', months: '2' };
      const changes = await reader.areaChanges(changesRequestFrom(flags, reader.reference.areas));
      expect(changes.rows.find((row) => row.category.code === 'drugs')?.volume).toBe(6);
      const trend = await reader.areaTrend(
        trendRequestFrom(
          { ...flags, category: 'drugs', from: '2025-02', to: '2025-02' },
          reader.reference,
        ),
      );
      expect(trend.lines.map((line) => line.area.code)).toContain('E07000901');
      await expect(reportReaderFor(config, 'E07000039')).rejects.toThrow(
        /--force: unknown force "E07000039"; one of: .*E23000099 \(Exampleshire\)/,
      );
    } finally {
      removeServerInfoSync(home);
      await app.close();
    }
  });
});
