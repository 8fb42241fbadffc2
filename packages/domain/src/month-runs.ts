import { addMonths, parseMonth } from './months.ts';

/** Runs listed before the rest is summed up, to keep a message on one readable line. */
const MAX_RUNS_SHOWN = 5;

/**
 * Months (oldest first, no repeats) as runs of consecutive months:
 * ["2024-12", "2025-01", "2025-02", "2025-06"] → "2024-12 to 2025-02, 2025-06".
 */
export function describeMonthRuns(months: readonly string[]): string {
  const runs: Array<{ first: string; last: string }> = [];
  for (const month of months) {
    const run = runs.at(-1);
    if (run !== undefined && addMonths(parseMonth(run.last), 1) === month) run.last = month;
    else runs.push({ first: month, last: month });
  }
  const shown = runs
    .slice(0, MAX_RUNS_SHOWN)
    .map(({ first, last }) => (first === last ? first : `${first} to ${last}`));
  const hidden = runs.length - shown.length;
  return hidden > 0 ? `${shown.join(', ')} and ${hidden} more` : shown.join(', ');
}
