import type { Month, MonthlyCount } from '@crimestats/domain';

const keyOf = (areaCode: string, category: string, month: Month): string =>
  `${areaCode}|${category}|${month}`;

/** Where supplied counts are looked up: undefined is a missing month, 0 an explicit zero. */
export interface CountLookup {
  get(areaCode: string, category: string, month: Month): number | undefined;
}

/**
 * Supplied monthly counts keyed by area, category and month. A key present with 0 is an explicit
 * zero (the month is known to have none); an absent key is a missing month.
 */
export class CountIndex implements CountLookup {
  readonly #counts: ReadonlyMap<string, number>;
  readonly #records: readonly MonthlyCount[];

  private constructor(records: readonly MonthlyCount[], counts: ReadonlyMap<string, number>) {
    this.#records = records;
    this.#counts = counts;
  }

  /**
   * Throws a RangeError on a count that is not a non-negative integer, and on two records for
   * the same key: summing them silently could double count a re-ingested file.
   */
  static fromRecords(records: Iterable<MonthlyCount>): CountIndex {
    const list = [...records];
    const counts = new Map<string, number>();
    for (const record of list) {
      const { areaCode, category, month, count } = record;
      if (!Number.isInteger(count) || count < 0) {
        throw new RangeError(
          `count must be a non-negative integer: ${areaCode} ${category} ${month} ${count}`,
        );
      }
      const key = keyOf(areaCode, category, month);
      if (counts.has(key))
        throw new RangeError(`duplicate count for ${areaCode} ${category} ${month}`);
      counts.set(key, count);
    }
    return new CountIndex(list, counts);
  }

  get(areaCode: string, category: string, month: Month): number | undefined {
    return this.#counts.get(keyOf(areaCode, category, month));
  }

  records(): readonly MonthlyCount[] {
    return this.#records;
  }
}
