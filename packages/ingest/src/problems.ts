import type { Problem } from '@crimestats/contracts';

/** Keeps the first problems in full and counts the rest, so a file of bad rows stays cheap. */
export class ProblemCollector {
  readonly #kept: Problem[] = [];
  // Rejected rows are counted, not kept: a file of millions of bad rows must not hold a set of
  // millions of line numbers. A row's problems come together (rows are read in order, and checks
  // made after reading name only rows not yet rejected), so a row is new when its line changes.
  #rejectedRows = 0;
  #lastLine: number | undefined;
  #total = 0;

  constructor(readonly cap = 50) {}

  add(line: number, field: string, value: string, reason: string): void {
    this.#total++;
    if (line !== this.#lastLine) {
      this.#rejectedRows++;
      this.#lastLine = line;
    }
    if (this.#kept.length < this.cap) {
      // A huge bad value (a whole line glued into one field) must not bloat the report.
      const shown = value.length > 200 ? `${value.slice(0, 200)}…` : value;
      this.#kept.push({ line, field, value: shown, reason });
    }
  }

  get problems(): Problem[] {
    return [...this.#kept];
  }

  get total(): number {
    return this.#total;
  }

  get rejectedRows(): number {
    return this.#rejectedRows;
  }
}
