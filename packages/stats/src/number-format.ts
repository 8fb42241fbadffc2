import { PERCENT_DECIMALS, RATE_DECIMALS, toFixedHalfAwayFromZero } from './rounding.ts';

// Numbers as the plan prints them, for every place that shows figures to people: the command
// line's tables, the digest, and the dashboard (whose bundle imports this module, so it must stay
// free of anything but rounding.ts).

/** What a table shows for a value that does not exist (no previous window, no population). */
export const MISSING = '–';

/** Commas between thousands in the whole part of a plain decimal string: "-84621.5" → "-84,621.5". */
export function groupThousands(decimal: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(decimal);
  if (match === null) throw new RangeError(`not a plain decimal: ${decimal}`);
  const [, sign = '', whole = '', fraction = ''] = match;
  return sign + whole.replace(/\B(?=(\d{3})+$)/g, ',') + fraction;
}

/** A count as the plan prints it: 84,621 (en-GB grouping, whatever the machine's locale). */
export function formatCount(value: number): string {
  return groupThousands(toFixedHalfAwayFromZero(value, 0));
}

/** A rate per 1,000 as the plan prints it: 2 decimals, half away from zero, grouped. */
export function formatRate(value: number): string {
  return groupThousands(toFixedHalfAwayFromZero(value, RATE_DECIMALS));
}

/** A % change's number as the plan prints it: 1 decimal, half away from zero: -2.8. */
export function formatPercentNumber(value: number): string {
  return groupThousands(toFixedHalfAwayFromZero(value, PERCENT_DECIMALS));
}

/** A % change as the plan prints it, with the sign: -2.8%. */
export function formatPercent(value: number): string {
  return `${formatPercentNumber(value)}%`;
}

/** `format(value)`, or the missing mark for null. */
export function orMissing(value: number | null, format: (value: number) => string): string {
  return value === null ? MISSING : format(value);
}
