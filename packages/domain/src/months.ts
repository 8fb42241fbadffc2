import {
  addMonths as addMonthsToDate,
  differenceInCalendarMonths,
  format,
  isValid,
} from 'date-fns';
import type { $brand } from 'zod';

// The one home of the month: its form, its range, its arithmetic and its label. Every boundary
// (file, Kafka, ClickHouse, HTTP, the dashboard) checks months with these. This module has no
// runtime dependency but date-fns, so the dashboard's browser bundle imports it too; the zod
// schema is in month-schema.ts.

/** The years a month may fall in: wide enough for any crime record, narrow enough to catch typos. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** `YYYY-MM`, from 1900-01 to 2199-12. */
export const MONTH_PATTERN = /^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/;

/** What every refusal of a month says it expected. */
export const MONTH_EXPECTED = `a month as YYYY-MM from ${FIRST_YEAR}-01 to ${LAST_YEAR}-12`;

/** A calendar month written `YYYY-MM`, e.g. `2025-12`. Branded so only validated strings pass. */
export type Month = string & $brand<'Month'>;

export function isMonth(text: string): text is Month {
  return MONTH_PATTERN.test(text);
}

/** Validates `YYYY-MM`; throws a RangeError naming the bad value otherwise. */
export function parseMonth(text: string): Month {
  if (!isMonth(text)) throw new RangeError(`invalid month "${text}": expected ${MONTH_EXPECTED}`);
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
// The anchor is built from the month's parts rather than with date-fns's `parse`: that reads a
// format string on every call, and the statistics core does month arithmetic millions of times in
// a national recompute.
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

/**
 * The month `count` months after `month` (negative counts go back). A RangeError when the answer
 * leaves the years months may fall in.
 */
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

const FIRST_MONTH = `${FIRST_YEAR}-01` as Month;
const LAST_MONTH = `${LAST_YEAR}-12` as Month;

/**
 * The month `count` months from `month`, held within the months (1900-01 to 2199-12): for reads
 * that reach past their period ends, where a record at either end of the range must not make the
 * arithmetic leave it.
 */
export function addMonthsWithin(month: Month, count: number): Month {
  if (count >= 0) {
    return monthsBetween(month, LAST_MONTH) <= count ? LAST_MONTH : addMonths(month, count);
  }
  return monthsBetween(FIRST_MONTH, month) <= -count ? FIRST_MONTH : addMonths(month, count);
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

/**
 * "2025-01" → "Jan 2025", in English whatever the machine's locale, as the plan prints it. Takes
 * text, as answers carry months, and refuses what is not a month.
 */
export function monthLabel(month: string): string {
  return format(anchor(parseMonth(month)), 'MMM yyyy');
}
