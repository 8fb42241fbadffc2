/** Sums counts per (area, category, month, span) in a map whose size is bounded by the reference data. */
export class CountAccumulator {
  readonly #counts = new Map<string, number>();

  add(areaCode: string, category: string, month: string, months: 1 | 3, count: number): void {
    const key = `${areaCode}|${category}|${month}|${months}`;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + count);
  }

  get(areaCode: string, category: string, month: string, months: 1 | 3 = 1): number | undefined {
    return this.#counts.get(`${areaCode}|${category}|${month}|${months}`);
  }

  *entries(): Generator<{
    areaCode: string;
    category: string;
    month: string;
    months: 1 | 3;
    count: number;
  }> {
    for (const [key, count] of this.#counts) {
      const [areaCode, category, month, months] = key.split('|') as [
        string,
        string,
        string,
        string,
      ];
      yield { areaCode, category, month, months: months === '3' ? 3 : 1, count };
    }
  }

  get size(): number {
    return this.#counts.size;
  }
}
