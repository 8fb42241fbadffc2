/**
 * A police.uk file belongs to one force: every row's `Falls within` must name the force being
 * loaded. A file from another force, or one mixing forces, would otherwise publish its month's
 * zeros for every area and crime type of the force.
 */
export class FallsWithinCheck {
  readonly #expected: string;
  readonly #seen = new Map<string, { rows: number; firstLine: number }>();
  // Rows come in runs of one force: the run's value and tally skip a map lookup per row.
  #lastValue: string | undefined;
  #last = { rows: 0, firstLine: 0 };

  constructor(expected: string) {
    this.#expected = expected;
  }

  add(value: string, line: number): void {
    if (value === this.#lastValue) {
      this.#last.rows++;
      return;
    }
    let seen = this.#seen.get(value);
    if (seen) seen.rows++;
    else this.#seen.set(value, (seen = { rows: 1, firstLine: line }));
    this.#lastValue = value;
    this.#last = seen;
  }

  /** Undefined when every row names the expected force; else why the file is refused. */
  refusal(): string | undefined {
    const others = [...this.#seen].filter(([force]) => force !== this.#expected);
    if (others.length === 0) return undefined;
    others.sort(([a, x], [b, y]) => y.rows - x.rows || a.localeCompare(b));
    const found = others
      .map(
        ([force, { rows, firstLine }]) =>
          `${shown(force)} (${plural(rows)}, first on line ${firstLine})`,
      )
      .join(' and ');
    const own = this.#seen.get(this.#expected);
    const beside = own ? ` beside ${this.#expected} (${plural(own.rows)})` : '';
    return (
      `"Falls within" names another force: found ${found}${beside}; ` +
      `expected ${this.#expected}, the force being loaded. Nothing was published.`
    );
  }
}

const plural = (rows: number): string => `${rows} row${rows === 1 ? '' : 's'}`;
const shown = (force: string): string => (force === '' ? '(empty)' : force);
