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
    await pipeline.store.subscriptions.create({
      id: 'sub_south',
      area: 'E07000039',
      url: 'https://example.org/hook',
      categories: ['total-recorded-crime'],
      secret: `whsec_${Buffer.alloc(32, 3).toString('base64')}`,
      createdAt: new Date().toISOString(),
    });
    const report = await ingestSources(await expandInputs([SAMPLE_FILE]), {
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

    // The 24-month back-load in one file is one event per area, not one per month or category.
    const events = await pipeline.store.figureEvents.forArea('E07000039', undefined, 100);
    expect(events).toHaveLength(1);
    const deliveries = await pipeline.store.deliveries.list({
      subscriptionId: 'sub_south',
      limit: 100,
    });
    expect(deliveries.length).toBe(events.length);
    expect(deliveries.every((d) => d.status === 'pending')).toBe(true);
    // The last event holds December 2025's total, as stored.
    const last = events.at(-1)!.data.periods.find((p) => p.period.end === '2025-12');
    const total = last?.categories.find((c) => c.code === 'total-recorded-crime');
    const stored = await pipeline.store.figures.read({
      category: 'total-recorded-crime',
      months: 12,
      periodEnd: '2025-12',
    });
    expect(total?.volume).toBe(stored.find((r) => r.areaCode === 'E07000039')?.volume);
  });
});
