import {
  PERCENT_DECIMALS,
  RATE_DECIMALS,
  toFixedHalfAwayFromZero,
} from '@crimestats/stats/rounding';

// Numbers as the plan prints them. The API gives unrounded figures; the page rounds them with
// the statistics core's own rounding, as the command line's tables and the CSV do.
// It is bundled as a script of its own, format.js, which app.js imports (see client-bundle.ts).

/** What a table shows for a value that does not exist (no previous window, no population). */
export const MISSING = '–';

/** Commas between thousands in the whole part: "-84621.5" → "-84,621.5". */
export function groupThousands(decimal: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(decimal);
  if (match === null) throw new RangeError(`not a plain decimal: ${decimal}`);
  const [, sign = '', whole = '', fraction = ''] = match;
  return sign + whole.replace(/\B(?=(\d{3})+$)/g, ',') + fraction;
}

/** A count as the plan prints it: 84,621; null is the missing mark. */
export function formatCount(value: number | null | undefined): string {
  return value == null ? MISSING : groupThousands(toFixedHalfAwayFromZero(value, 0));
}

/** A rate per 1,000: 2 decimals, half away from zero. */
export function formatRate(value: number | null | undefined): string {
  return value == null ? MISSING : groupThousands(toFixedHalfAwayFromZero(value, RATE_DECIMALS));
}

/** A % change: 1 decimal, half away from zero, without the % sign (the column header says %). */
export function formatPercent(value: number | null | undefined): string {
  return value == null ? MISSING : groupThousands(toFixedHalfAwayFromZero(value, PERCENT_DECIMALS));
}

/** A rate as a number for a chart: the value the table prints, so a tooltip agrees with it. */
export function chartRate(value: number | null | undefined): number | null {
  return value == null ? null : Number(toFixedHalfAwayFromZero(value, RATE_DECIMALS));
}
