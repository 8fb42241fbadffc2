import type { MonthlyRecord, SourceKind } from '@crimestats/contracts';
import {
  FIRST_YEAR,
  LAST_YEAR,
  addMonths,
  compareMonths,
  monthFromParts,
  monthsBetween,
  parseMonth,
  type CategoryTaxonomy,
  type Month,
  type MonthlyCount,
} from '@crimestats/domain';

/**
 * Which source speaks for an (area, category, month) when several do: the force's own monthly
 * counts, then police.uk's street-level data, then the Home Office's quarterly tables.
 */
export const SOURCE_PRECEDENCE: readonly SourceKind[] = [
  'monthly-counts',
  'police-uk',
  'home-office-csp',
];

/** The most months one record spans (a Home Office quarter); see MonthlyRecordSchema. */
export const LONGEST_RECORD_MONTHS = 3;

interface Ranked<T> {
  rank: number;
  value: T;
}

/**
 * Turns the latest stored records into the monthly counts the statistics core reads, one per
 * (area, category, month), leaving parents that are not supplied to be derived there.
 *
 * Monthly records (monthly counts, police.uk) are taken by precedence, month by month. A quarterly
 * record (a Home Office quarter) counts at its quarter's last month and marks its other two months
 * present with zero, so windows ending at a quarter's end are exact. A monthly source replaces a
 * quarter only where it covers all three months (supplying the category, or every child it is
 * derived from); otherwise the quarter stands for all three, and the monthly values of those
 * months are dropped, so crime is never counted twice nor lost across the quarter's months. The
 * same holds for a parent a quarter reaches only through its children: unless the monthly source
 * covers the whole quarter, the parent is derived from those children in all three months.
 *
 * Every decision for a category looks only at it and the categories below it, so reading a
 * category's subtree is enough to compute its figures.
 */
export function countsFromRecords(
  records: Iterable<MonthlyRecord>,
  taxonomy: CategoryTaxonomy,
): MonthlyCount[] {
  const monthly = new Map<string, Ranked<MonthlyCount>>();
  const spans = new Map<string, Ranked<MonthlyRecord>>();
  for (const record of records) {
    const rank = SOURCE_PRECEDENCE.indexOf(record.source.kind);
    const key = cellKey(record.areaCode, record.category, record.month);
    if (record.months === 1) {
      const value = { ...pick(record), month: parseMonth(record.month) };
      offer(monthly, key, { rank, value });
    } else offer(spans, key, { rank, value: record });
  }

  const chosen = new Map([...monthly].map(([key, { value }]) => [key, value]));
  const edits = quarterEdits(
    [...spans.values()].map(({ value }) => ({ ...value, month: parseMonth(value.month) })),
    (areaCode, category, month) => monthly.has(cellKey(areaCode, category, month)),
    taxonomy,
  );
  for (const { areaCode, category, month, count } of edits) {
    const key = cellKey(areaCode, category, month);
    if (count === undefined) chosen.delete(key);
    else chosen.set(key, { areaCode, category, month, count });
  }
  return [...chosen.values()];
}

/** The best record spanning several months (a quarter) of an (area, category, start month). */
export interface SpanRecord {
  areaCode: string;
  category: string;
  /** Its first month. */
  month: Month;
  months: number;
  count: number;
}

/** One decision of the quarter rule: the count a cell takes, or undefined to drop it. */
export interface QuarterEdit {
  areaCode: string;
  category: string;
  month: Month;
  count: number | undefined;
}

/**
 * The quarter rule of countsFromRecords as edits to the monthly choice, to apply in order once
 * they are all made (`hasMonthly` must see the monthly choice unedited): `spans` holds the best
 * span record per (area, category, start month), `hasMonthly` whether a monthly source gives a
 * cell. Shared by countsFromRecords and the columnar read (monthlySeriesFromCells), so both decide
 * alike.
 */
export function quarterEdits(
  spans: readonly SpanRecord[],
  hasMonthly: (areaCode: string, category: string, month: Month) => boolean,
  taxonomy: CategoryTaxonomy,
): QuarterEdit[] {
  const byStart = new Map(
    spans.map((span) => [cellKey(span.areaCode, span.category, span.month), span]),
  );
  const coverage = new MonthlyCoverage(hasMonthly, taxonomy);
  const edits: QuarterEdit[] = [];
  for (const { areaCode, category, start, months } of quartersReaching(spans, taxonomy)) {
    const quarterMonths = Array.from({ length: months }, (_, i) => addMonths(start, i));
    if (quarterMonths.every((month) => coverage.covers(areaCode, category, month))) {
      continue;
    }
    const own = byStart.get(cellKey(areaCode, category, start));
    quarterMonths.forEach((month, i) => {
      const count = own === undefined ? undefined : i === months - 1 ? own.count : 0;
      edits.push({ areaCode, category, month, count });
    });
  }
  return edits;
}

/**
 * Every (area, category, quarter) a quarterly record reaches: its own category, and each parent
 * above it that is derived from its children, as far up as derivation goes.
 */
function* quartersReaching(
  spans: readonly SpanRecord[],
  taxonomy: CategoryTaxonomy,
): Generator<{ areaCode: string; category: string; start: Month; months: number }> {
  const seen = new Set<string>();
  for (const record of spans) {
    const start = record.month;
    let category: string | null = record.category;
    while (category !== null) {
      const key = `${cellKey(record.areaCode, category, start)}|${record.months}`;
      if (seen.has(key)) break;
      seen.add(key);
      yield { areaCode: record.areaCode, category, start, months: record.months };
      const parent: string | null = taxonomy.byCode(category)?.parent ?? null;
      const derivedFromIt: boolean =
        parent !== null && taxonomy.derivationChildrenOf(parent).some((c) => c.code === category);
      category = derivedFromIt ? parent : null;
    }
  }
}

/** Whether the monthly sources alone give a category's whole count for an area and month. */
class MonthlyCoverage {
  readonly #hasMonthly: (areaCode: string, category: string, month: Month) => boolean;
  readonly #taxonomy: CategoryTaxonomy;
  readonly #memo = new Map<string, boolean>();

  constructor(
    hasMonthly: (areaCode: string, category: string, month: Month) => boolean,
    taxonomy: CategoryTaxonomy,
  ) {
    this.#hasMonthly = hasMonthly;
    this.#taxonomy = taxonomy;
  }

  /** Supplied, or derived from children that are all covered. */
  covers(areaCode: string, category: string, month: Month): boolean {
    if (this.#hasMonthly(areaCode, category, month)) return true;
    const key = cellKey(areaCode, category, month);
    let covered = this.#memo.get(key);
    if (covered === undefined) {
      const children =
        this.#taxonomy.byCode(category) === undefined
          ? []
          : this.#taxonomy.derivationChildrenOf(category);
      covered = children.length > 0 && children.every((c) => this.covers(areaCode, c.code, month));
      this.#memo.set(key, covered);
    }
    return covered;
  }
}

function offer<T>(best: Map<string, Ranked<T>>, key: string, candidate: Ranked<T>): void {
  const current = best.get(key);
  if (!current || candidate.rank < current.rank) best.set(key, candidate);
}

function pick({ areaCode, category, count }: MonthlyRecord) {
  return { areaCode, category, count };
}

const cellKey = (areaCode: string, category: string, month: string): string =>
  `${areaCode}|${category}|${month}`;

/**
 * The earliest start month of a record that can reach `month`: a quarter starting up to two
 * months before it covers it. Never before the first month there is.
 */
export function earliestStartReaching(month: Month): Month {
  const back = Math.min(
    LONGEST_RECORD_MONTHS - 1,
    monthsBetween(monthFromParts(FIRST_YEAR, 1), month),
  );
  return addMonths(month, -back);
}

/**
 * The last month whose records can decide `month`'s count: a monthly source replaces a quarter only
 * when it covers all three of its months, so the months after `month` in its quarter count too.
 * Never after the last month there is.
 */
export function latestMonthDeciding(month: Month): Month {
  const ahead = Math.min(
    LONGEST_RECORD_MONTHS - 1,
    monthsBetween(month, monthFromParts(LAST_YEAR, 12)),
  );
  return addMonths(month, ahead);
}

/** Whether a month lies between two others, both included. */
export function monthWithin(month: Month, first: Month, last: Month): boolean {
  return compareMonths(month, first) >= 0 && compareMonths(month, last) <= 0;
}
