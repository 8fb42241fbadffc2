import { monthRange, type Month, type MonthlyCount } from '@crimestats/domain';
import type { CountLookup } from '@crimestats/stats';
import type { CountSeries } from '@crimestats/store';

/**
 * Monthly counts over a fixed run of months, held as one Float64Array per (area, category) that
 * has any (NaN for a missing month) rather than as an object per count: a national recompute's
 * 1.26M counts take about 15 MB. It refuses what CountIndex refuses (a count that is not a
 * non-negative integer, a second count for the same key) and answers as CountIndex would.
 */
export class CountGrid implements CountLookup {
  readonly #monthIndex: ReadonlyMap<string, number>;
  readonly #byArea = new Map<string, Map<string, Float64Array>>();

  /** Counts for months from `first` to `last`, both included. */
  constructor(first: Month, last: Month) {
    this.#monthIndex = new Map(monthRange(first, last).map((month, i) => [month, i]));
  }

  add(counts: Iterable<MonthlyCount>): void {
    for (const { areaCode, category, month, count } of counts) {
      this.#set(this.#months(areaCode, category), this.#at(month), areaCode, category, count);
    }
  }

  /** As add, from series (NaN for no count), without an object per count. */
  addSeries(series: Iterable<CountSeries>): void {
    for (const { areaCode, category, first, counts } of series) {
      if (counts.length === 0) continue;
      const start = this.#at(first);
      const months = this.#months(areaCode, category);
      if (start + counts.length > months.length) {
        throw new RangeError(`${areaCode} ${category}: months beyond the counts read`);
      }
      counts.forEach((count, i) => {
        if (!Number.isNaN(count)) this.#set(months, start + i, areaCode, category, count);
      });
    }
  }

  #at(month: Month): number {
    const at = this.#monthIndex.get(month);
    if (at === undefined) throw new RangeError(`month ${month} is outside the counts read`);
    return at;
  }

  #months(areaCode: string, category: string): Float64Array {
    let categories = this.#byArea.get(areaCode);
    if (categories === undefined) this.#byArea.set(areaCode, (categories = new Map()));
    let months = categories.get(category);
    if (months === undefined) {
      months = new Float64Array(this.#monthIndex.size).fill(Number.NaN);
      categories.set(category, months);
    }
    return months;
  }

  #set(months: Float64Array, at: number, areaCode: string, category: string, count: number) {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(
        `count must be a non-negative integer: ${areaCode} ${category} ${count}`,
      );
    }
    if (!Number.isNaN(months[at]!)) {
      throw new RangeError(`duplicate count for ${areaCode} ${category} at month ${at}`);
    }
    months[at] = count;
  }

  get(areaCode: string, category: string, month: Month): number | undefined {
    const months = this.#byArea.get(areaCode)?.get(category);
    if (months === undefined) return undefined;
    const at = this.#monthIndex.get(month);
    const count = at === undefined ? Number.NaN : months[at]!;
    return Number.isNaN(count) ? undefined : count;
  }
}
