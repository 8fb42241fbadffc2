import {
  addMonths,
  FIRST_YEAR,
  LAST_YEAR,
  monthFromParts,
  monthLabel,
  monthRange,
  monthsBetween,
  type Month,
} from './months.ts';

// The one home of windows and periods. A period is named by its last month and a window length;
// its figures compare the window ending there with the window of the same length just before it,
// so a period spans two windows' worth of months. Like months.ts, this runs in the browser too.

export const DEFAULT_WINDOW_MONTHS = 12;

/** Five years: the longest window anyone compares. */
export const MAX_WINDOW_MONTHS = 60;

/** A run of whole months, named (as the contract does) by its last month. */
export interface Window {
  start: Month;
  end: Month;
  months: number;
}

export function isWindowLength(months: number): boolean {
  return Number.isInteger(months) && months >= 1 && months <= MAX_WINDOW_MONTHS;
}

/** The `months` months ending with `end`: [end − (months − 1) .. end]. */
export function windowEndingAt(end: Month, months: number = DEFAULT_WINDOW_MONTHS): Window {
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError(`window length must be a positive whole number of months: ${months}`);
  }
  return { start: addMonths(end, -(months - 1)), end, months };
}

/** The window of the same length immediately before. */
export function previousWindow(window: Window): Window {
  return windowEndingAt(addMonths(window.start, -1), window.months);
}

/** The same-length window `offset` months later (earlier when negative). */
export function shiftWindow(window: Window, offset: number): Window {
  return windowEndingAt(addMonths(window.end, offset), window.months);
}

export function monthsOf(window: Window): Month[] {
  return monthRange(window.start, window.end);
}

/** Every month a period's figures read: the previous window's first month to the period's end. */
export function periodSpan(end: Month, months: number): { first: Month; last: Month } {
  return { first: addMonths(end, -(2 * months - 1)), last: end };
}

/**
 * The period ends whose figures a change to `month` can move: those whose current or previous
 * window contains it, from the month itself to 2 × months − 1 months later.
 */
export function periodEndsReaching(month: Month, months: number): Month[] {
  // Never past the last month there is (2199-12): a record there reaches no later period.
  const reach = Math.min(2 * months, monthsBetween(month, monthFromParts(LAST_YEAR, 12)) + 1);
  return Array.from({ length: reach }, (_, offset) => addMonths(month, offset));
}

/**
 * The earliest month a period of any allowed window may end: both of its windows' months must be
 * months (from 1900-01 on).
 */
export const EARLIEST_PERIOD_END: Month = addMonths(
  monthFromParts(FIRST_YEAR, 1),
  2 * MAX_WINDOW_MONTHS - 1,
);

/** "12 months", "1 month". */
export function monthsLabel(months: number): string {
  return months === 1 ? '1 month' : `${months} months`;
}

/** "Jan 2025 – Dec 2025 (12 months)", or "Dec 2025 (1 month)" for a single month. */
export function periodLabel(period: { start: string; end: string; months: number }): string {
  const span =
    period.start === period.end
      ? monthLabel(period.end)
      : `${monthLabel(period.start)} – ${monthLabel(period.end)}`;
  return `${span} (${monthsLabel(period.months)})`;
}
