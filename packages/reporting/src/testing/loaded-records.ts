import { randomUUID } from 'node:crypto';
import type { MonthlyRecord, PopulationRecord, SourceKind } from '@crimestats/contracts';
import { cspAreas, monthRange, parseMonth, type MonthlyCount } from '@crimestats/domain';
import { buildPlanMonthlyCounts } from '@crimestats/stats/testing';

/** When the plan's counts were loaded, as the fixtures' one load says. */
export const PLAN_LOADED_AT = new Date('2026-01-15T09:30:00Z');

export interface LoadOptions {
  kind?: SourceKind;
  file?: string;
  loadedAt?: Date;
  batchId?: string;
}

/** A count as tests write it, its month a plain string. */
export type CountRow = Omit<MonthlyCount, 'month'> & { month: string };

/** Counts as one file's records: one batch, one revision (its load time), months of one month. */
export function recordsOf(counts: readonly CountRow[], options: LoadOptions = {}): MonthlyRecord[] {
  const batchId = options.batchId ?? randomUUID();
  const revision = (options.loadedAt ?? PLAN_LOADED_AT).getTime();
  const kind = options.kind ?? 'monthly-counts';
  return counts.map((c) => ({
    areaCode: c.areaCode,
    category: c.category,
    month: parseMonth(c.month),
    months: 1,
    count: c.count,
    source: { kind, file: options.file ?? `${kind}.csv` },
    revision,
    batchId,
  }));
}

/** The plan's monthly series (2024-01 to 2025-12) as one monthly-counts load. */
export function planRecords(options: LoadOptions = {}): MonthlyRecord[] {
  return recordsOf(buildPlanMonthlyCounts(), { file: 'plan-2025.csv', ...options });
}

/**
 * Records beside the plan's from the other two sources, so every rule of the figures is at work:
 * police.uk months for a category the force's counts lack (one month missing in one area, so a
 * window is incomplete) and for one the force's counts give (which win); Home Office quarters
 * for a subgroup (counted at the quarter's last month) and for a category the force's counts give.
 */
export function otherSourceRecords(loadedAt = new Date('2026-01-20T08:00:00Z')): MonthlyRecord[] {
  const csps = cspAreas().map((area) => area.code);
  const months = monthRange(parseMonth('2024-01'), parseMonth('2025-12'));
  const policeUk = csps.flatMap((areaCode, a) =>
    months
      .filter((month) => !(areaCode === 'E07000033' && month === '2025-03'))
      .map((month, m) => ({
        areaCode,
        category: 'shoplifting',
        month,
        count: 20 + ((a * 7 + m * 3) % 17),
      })),
  );
  const overridden = csps.map((areaCode, a) => ({
    areaCode,
    category: 'anti-social-behaviour',
    month: '2025-05',
    count: 1000 + a,
  }));
  const quarters = months.filter((_, m) => m % 3 === 0);
  const homeOffice = csps.flatMap((areaCode, a) =>
    quarters.flatMap((month, q) => [
      { areaCode, category: 'stalking-and-harassment', month, count: 30 + ((a * 5 + q * 11) % 23) },
      { areaCode, category: 'burglary-business-and-community', month, count: 999 },
    ]),
  );
  return [
    ...recordsOf([...policeUk, ...overridden], { kind: 'police-uk', file: 'street.csv', loadedAt }),
    ...recordsOf(homeOffice, { kind: 'home-office-csp', file: 'csp.csv', loadedAt }).map(
      (record) => ({ ...record, months: 3 as const }),
    ),
  ];
}

/** A population file correcting South Derbyshire's 2025 population. */
export function populationRecords(loadedAt = new Date('2026-01-21T08:00:00Z')): PopulationRecord[] {
  return [
    {
      areaCode: 'E07000039',
      year: 2025,
      population: 110_000,
      source: { file: 'populations.csv' },
      revision: loadedAt.getTime(),
      batchId: randomUUID(),
    },
  ];
}
