import type { Month } from '@crimestats/domain';
import type { CategoryResolver } from './category-resolver.ts';
import type { WindowTotal } from './window-totals.ts';

/**
 * One area's resolved counts of one category over a run of months, with running sums of the
 * volume, of the months present and of the months complete, so the total of any window on the axis costs O(1) and equals
 * windowTotal's: the same resolver supplies every month, and integer sums are exact below 2^53
 * (beyond that, windows are summed month by month in windowTotal's order, giving its result).
 */
export class PrefixTotals {
  readonly #counts: Float64Array;
  readonly #present: Uint8Array;
  readonly #volumeBefore: Float64Array;
  readonly #presentBefore: Int32Array;
  readonly #completeBefore: Int32Array;
  readonly #exact: boolean;

  private constructor(counts: Float64Array, present: Uint8Array, complete: Uint8Array) {
    this.#counts = counts;
    this.#present = present;
    this.#volumeBefore = new Float64Array(counts.length + 1);
    this.#presentBefore = new Int32Array(counts.length + 1);
    this.#completeBefore = new Int32Array(counts.length + 1);
    for (let i = 0; i < counts.length; i++) {
      this.#volumeBefore[i + 1] = this.#volumeBefore[i]! + counts[i]!;
      this.#presentBefore[i + 1] = this.#presentBefore[i]! + present[i]!;
      this.#completeBefore[i + 1] = this.#completeBefore[i]! + complete[i]!;
    }
    this.#exact = this.#volumeBefore[counts.length]! <= Number.MAX_SAFE_INTEGER;
  }

  /** Resolves each of a run of consecutive months once; positions count from the first. */
  static of(
    resolver: CategoryResolver,
    areaCode: string,
    category: string,
    months: readonly Month[],
  ): PrefixTotals {
    const counts = new Float64Array(months.length);
    const present = new Uint8Array(months.length);
    const complete = new Uint8Array(months.length);
    months.forEach((month, i) => {
      const resolved = resolver.resolve(areaCode, category, month);
      if (resolved === undefined) return;
      counts[i] = resolved.count;
      present[i] = 1;
      complete[i] = resolved.complete ? 1 : 0;
    });
    return new PrefixTotals(counts, present, complete);
  }

  /**
   * The total of the months at positions [from, to) of the axis, which must lie within it; read
   * as a window of `to - from` months, like windowTotal's.
   */
  between(from: number, to: number): WindowTotal {
    if (from < 0 || to > this.#counts.length || to < from) {
      throw new RangeError(`months ${from}..${to} are outside the series`);
    }
    const present = this.#presentBefore[to]! - this.#presentBefore[from]!;
    const complete = this.#completeBefore[to]! - this.#completeBefore[from]!;
    return {
      volume: this.#exact
        ? this.#volumeBefore[to]! - this.#volumeBefore[from]!
        : this.#sum(from, to),
      hasData: present > 0,
      complete: complete === to - from,
    };
  }

  #sum(from: number, to: number): number {
    let volume = 0;
    for (let i = from; i < to; i++) if (this.#present[i] === 1) volume += this.#counts[i]!;
    return volume;
  }
}
