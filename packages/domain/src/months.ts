import { addMonths as addMonthsToDate, differenceInCalendarMonths, isValid } from 'date-fns';
import { z } from 'zod';

const MONTH_PATTERN = /^[1-9]\d{3}-(0[1-9]|1[0-2])$/;

/** A calendar month written `YYYY-MM`, e.g. `2025-12`. Branded so only validated strings pass. */
export const MonthSchema = z
  .string()
  .regex(MONTH_PATTERN, 'expected a month written YYYY-MM')
  .brand<'Month'>();

export type Month = z.infer<typeof MonthSchema>;

export function isMonth(text: string): text is Month {
  return MONTH_PATTERN.test(text);
}

/** Validates `YYYY-MM`; throws a RangeError naming the bad value otherwise. */
export function parseMonth(text: string): Month {
  if (!isMonth(text)) {
    throw new RangeError(`invalid month "${text}": expected YYYY-MM`);
  }
  return text;
}

/** Builds a month from a year and a 1-based month number. */
export function monthFromParts(year: number, month: number): Month {
  return parseMonth(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
}

/** Year and 1-based month number of a month. */
export function monthParts(month: Month): { year: number; month: number } {
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
}

/** The month a date falls in, read in UTC so the answer never depends on the machine's zone. */
export function formatMonth(date: Date): Month {
  if (!isValid(date)) throw new RangeError('invalid date');
  return monthFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

// date-fns works in the machine's local zone. Anchoring every month at local noon on the 15th
// keeps each step far from midnight and DST changes, so the local calendar month read back is
// always the one we meant, whatever TZ the process runs in.
// The anchor is built from the month's parts rather than with date-fns's `parse`/`format`: those
// read format strings on every call, and the statistics core does month arithmetic millions of
// times in a national recompute.
function anchor(month: Month): Date {
  const { year, month: number } = monthParts(month);
  const date = new Date(2000, 0, 15, 12);
  date.setFullYear(year, number - 1, 15);
  return date;
}

function fromAnchor(date: Date): Month {
  return monthFromParts(date.getFullYear(), date.getMonth() + 1);
}

const added = new Map<string, Month>();

/** The month `count` months after `month` (negative counts go back). */
export function addMonths(month: Month, count: number): Month {
  if (!Number.isInteger(count)) throw new RangeError(`month offset must be an integer: ${count}`);
  const key = `${month}${count}`;
  let result = added.get(key);
  if (result === undefined) {
    result = fromAnchor(addMonthsToDate(anchor(month), count));
    // Months in use are few (decades × offsets up to a few windows), so the memo stays small.
    if (added.size < 200_000) added.set(key, result);
  }
  return result;
}

/** Signed number of months from `from` to `to`: `monthsBetween('2025-01', '2025-12')` is 11. */
export function monthsBetween(from: Month, to: Month): number {
  return differenceInCalendarMonths(anchor(to), anchor(from));
}

/** Every month from `start` to `end`, both included; empty when `end` is before `start`. */
export function monthRange(start: Month, end: Month): Month[] {
  const length = monthsBetween(start, end) + 1;
  return Array.from({ length: Math.max(0, length) }, (_, offset) => addMonths(start, offset));
}

/** Orders months chronologically; `YYYY-MM` strings already sort that way. */
export function compareMonths(a: Month, b: Month): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
