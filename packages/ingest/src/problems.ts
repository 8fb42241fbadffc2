import type { Problem } from '@crimestats/contracts';

/** Keeps the first problems in full and counts the rest, so a file of bad rows stays cheap. */
export class ProblemCollector {
  readonly #kept: Problem[] = [];
  readonly #rejectedLines = new Set<number>();
  #total = 0;

  constructor(readonly cap = 50) {}

  add(line: number, field: string, value: string, reason: string): void {
    this.#total++;
    this.#rejectedLines.add(line);
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
    return this.#rejectedLines.size;
  }

  isRejected(line: number): boolean {
    return this.#rejectedLines.has(line);
  }
}
