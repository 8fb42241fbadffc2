import type { FigureSummary } from '@crimestats/store';

/**
 * The stored figures of one window length, by category and period end, then by area code. A
 * comparison looks its period up once and each of its rows by area code alone: a string the
 * reference already holds, so no key is built and hashed per row (a national recompute compares a
 * million and a half).
 */
export class StoredFigures {
  readonly #byPeriod = new Map<string, Map<string, FigureSummary>>();

  static of(rows: Iterable<FigureSummary>): StoredFigures {
    const stored = new StoredFigures();
    for (const row of rows) {
      const key = periodKey(row.category, row.periodEnd);
      let byArea = stored.#byPeriod.get(key);
      if (byArea === undefined) stored.#byPeriod.set(key, (byArea = new Map()));
      byArea.set(row.areaCode, row);
    }
    return stored;
  }

  /** The stored figures of one category and period end, by area code. */
  period(category: string, periodEnd: string): ReadonlyMap<string, FigureSummary> | undefined {
    return this.#byPeriod.get(periodKey(category, periodEnd));
  }
}

const periodKey = (category: string, periodEnd: string): string => `${category}|${periodEnd}`;
