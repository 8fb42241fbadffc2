import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoleSchema } from '@crimestats/auth';
import {
  FiguresUpdatedSchema,
  MonthlyRecordSchema,
  PopulationRecordSchema,
  type MonthlyRecord,
  type PopulationRecord,
} from '@crimestats/contracts';
import {
  EARLIEST_PERIOD_END,
  PopulationRowSchema,
  defaultAreas,
  defaultCategories,
} from '@crimestats/domain';
import { expandInputs, ingestSource, type IngestSink } from '@crimestats/ingest';
import { AreaCodeParamSchema, PeriodEndParamSchema } from '@crimestats/reporting';
import { FiguresQuerySchema, StoredFigureSchema } from '@crimestats/store';
import { describe, expect, it } from 'vitest';

// Every boundary a month or an area code crosses (file, Kafka, ClickHouse, HTTP) must accept and
// refuse the same values: month 0025-12 once passed Kafka's schema but not the domain's, was
// stored, and broke every later ingest.

const GOOD_MONTHS = ['1909-12', '2025-01', '2025-12', '2199-12'];
const BAD_MONTHS = [
  '0025-12',
  '1899-12',
  '2200-01',
  '2025-13',
  '2025-00',
  '2025-1',
  '202512',
  ' 2025-12',
  '2025-12-01',
  '',
];
const GOOD_AREAS = ['E07000039', 'E06000015', 'W06000001', 'K04000001'];
const BAD_AREAS = ['e07000039', 'E0700003', 'E070000399', 'X07000039', ' E07000039', ''];

class CollectingSink implements IngestSink {
  records: MonthlyRecord[] = [];
  populations: PopulationRecord[] = [];
  async publishRecords(records: MonthlyRecord[]): Promise<void> {
    this.records.push(...records);
  }
  async publishPopulations(populations: PopulationRecord[]): Promise<void> {
    this.populations.push(...populations);
  }
}

const force = defaultAreas.get('E23000018');
const folder = mkdtempSync(join(tmpdir(), 'crimestats-boundaries-'));

let files = 0;

/** Ingests one file of this text, as `crimestats ingest` would, into a collecting sink. */
async function ingestText(text: string) {
  const path = join(folder, `file-${++files}.csv`);
  writeFileSync(path, text);
  const [source] = await expandInputs([path]);
  const sink = new CollectingSink();
  const report = await ingestSource(source!, {
    areas: defaultAreas,
    categories: defaultCategories,
    force,
    sink,
  });
  return { accepted: report.status === 'accepted', sink };
}

/** Whether the file boundary takes a monthly-counts file whose one row has this month. */
async function fileAcceptsMonth(month: string): Promise<boolean> {
  const { accepted, sink } = await ingestText(
    `month,area_code,category,count\n"${month}",E07000039,vehicle-crime,5\n`,
  );
  return accepted && sink.records.some((r) => r.month === month);
}

/** Whether the file boundary takes a populations file whose one row has this year. */
async function fileAcceptsYear(year: string): Promise<boolean> {
  const { accepted, sink } = await ingestText(
    `area_code,year,population\nE07000039,${year},107000\n`,
  );
  return accepted && sink.populations.some((p) => String(p.year) === year);
}

const record = (month: string, areaCode = 'E07000039') => ({
  areaCode,
  category: 'vehicle-crime',
  month,
  months: 1,
  count: 5,
  source: { kind: 'monthly-counts', file: 'counts.csv' },
  revision: 1,
  batchId: '00000000-0000-4000-8000-000000000000',
});

const kafkaAccepts = (month: string, areaCode?: string) =>
  MonthlyRecordSchema.safeParse(record(month, areaCode)).success;

const clickHouseAccepts = (month: string) =>
  FiguresQuerySchema.safeParse({ category: 'vehicle-crime', months: 12, periodEnd: month }).success;

const storedFigure = (month: string, areaCode = 'E07000039') => ({
  category: 'vehicle-crime',
  months: 12,
  period_end: month,
  area_code: areaCode,
  area_name: 'South Derbyshire',
  area_kind: 'csp',
  volume: '5',
  population: null,
  rate_per_1000: null,
  rank: null,
  previous_volume: null,
  volume_change: null,
  percent_change: null,
  z_score: null,
  significant: null,
  complete: 1,
  computed_at_epoch: '1767225600',
  version: '1',
});

describe('months at every boundary', () => {
  it.each(GOOD_MONTHS)('all accept %j', async (month) => {
    expect(await fileAcceptsMonth(month)).toBe(true);
    expect(kafkaAccepts(month)).toBe(true);
    expect(FiguresUpdatedSchema.shape.periodEnd.safeParse(month).success).toBe(true);
    expect(clickHouseAccepts(month)).toBe(true);
    expect(StoredFigureSchema.safeParse(storedFigure(month)).success).toBe(true);
    expect(PeriodEndParamSchema.safeParse(month).success).toBe(true);
  });

  it.each(BAD_MONTHS)('all refuse %j', async (month) => {
    expect(await fileAcceptsMonth(month)).toBe(false);
    expect(kafkaAccepts(month)).toBe(false);
    expect(FiguresUpdatedSchema.shape.periodEnd.safeParse(month).success).toBe(false);
    expect(clickHouseAccepts(month)).toBe(false);
    expect(StoredFigureSchema.safeParse(storedFigure(month)).success).toBe(false);
    expect(PeriodEndParamSchema.safeParse(month).success).toBe(false);
  });

  it('asks one thing more of a period end: both its windows start from 1900-01', () => {
    expect(EARLIEST_PERIOD_END).toBe('1909-12');
    expect(kafkaAccepts('1909-11')).toBe(true);
    expect(PeriodEndParamSchema.safeParse('1909-11').success).toBe(false);
  });
});

describe('years at every boundary', () => {
  const population = (year: number) => ({
    areaCode: 'E07000039',
    year,
    population: 107000,
    source: { file: 'populations.csv' },
    revision: 1,
    batchId: '00000000-0000-4000-8000-000000000000',
  });

  it.each(['1900', '2025', '2199'])('all accept %s', async (year) => {
    expect(await fileAcceptsYear(year)).toBe(true);
    expect(PopulationRecordSchema.safeParse(population(Number(year))).success).toBe(true);
    expect(PopulationRowSchema.safeParse(population(Number(year))).success).toBe(true);
  });

  it.each(['1899', '2200', '2999'])('all refuse %s', async (year) => {
    expect(await fileAcceptsYear(year)).toBe(false);
    expect(PopulationRecordSchema.safeParse(population(Number(year))).success).toBe(false);
    expect(PopulationRowSchema.safeParse(population(Number(year))).success).toBe(false);
  });
});

describe('area codes at every boundary', () => {
  it.each(GOOD_AREAS)('all accept %j', (code) => {
    expect(kafkaAccepts('2025-12', code)).toBe(true);
    expect(FiguresUpdatedSchema.shape.areaCode.safeParse(code).success).toBe(true);
    expect(StoredFigureSchema.safeParse(storedFigure('2025-12', code)).success).toBe(true);
    expect(AreaCodeParamSchema.safeParse(code).success).toBe(true);
    expect(RoleSchema.safeParse(`csp:${code}`).success).toBe(true);
  });

  it.each(BAD_AREAS)('all refuse %j', (code) => {
    expect(kafkaAccepts('2025-12', code)).toBe(false);
    expect(FiguresUpdatedSchema.shape.areaCode.safeParse(code).success).toBe(false);
    expect(StoredFigureSchema.safeParse(storedFigure('2025-12', code)).success).toBe(false);
    expect(AreaCodeParamSchema.safeParse(code).success).toBe(false);
    expect(RoleSchema.safeParse(`csp:${code}`).success).toBe(false);
  });
});
