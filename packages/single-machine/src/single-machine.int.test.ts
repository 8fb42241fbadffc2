import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { FiguresUpdated } from '@crimestats/contracts';
import { defaultAreas, defaultCategories } from '@crimestats/domain';
import { expandInputs, ingestSources } from '@crimestats/ingest';
import { openSingleMachine, type SingleMachine } from './single-machine.ts';
import { SAMPLE_FILE } from './sample-data.ts';

describe('single-machine pipeline on the embedded engine', () => {
  let pipeline: SingleMachine;
  beforeAll(async () => {
    // One embedded data folder per process: this file runs in its own worker.
    pipeline = await openSingleMachine({
      home: mkdtempSync(join(tmpdir(), 'crimestats-home-')),
      database: 'crimestats',
      forceCode: 'E23000018',
      logger: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => pipeline?.close());

  it('ingests the bundled sample and has the plan figures when ingest returns', async () => {
    const heard: FiguresUpdated[] = [];
    pipeline.updates.subscribe((u) => heard.push(...u));
    const report = await ingestSources(await expandInputs([SAMPLE_FILE], 'derbyshire'), {
      areas: defaultAreas,
      categories: defaultCategories,
      force: defaultAreas.get('E23000018'),
      sink: pipeline.ingestSink,
    });
    expect(report.ok).toBe(true);
    const rows = await pipeline.store.figures.read({
      category: 'anti-social-behaviour',
      months: 12,
      periodEnd: '2025-12',
    });
    const force = rows.find((r) => r.areaCode === 'E23000018')!;
    expect([force.volume, force.ratePer1000?.toFixed(2)]).toEqual([15916, '14.52']);
    expect(heard.some((u) => u.areaCode === 'E07000039' && u.periodEnd === '2025-12')).toBe(true);
    expect((await pipeline.store.loads.latest())?.latestMonth).toBe('2025-12');
  });
});
