import {
  MISSING,
  formatCount as count,
  formatPercentNumber,
  formatRate as rate,
} from '@crimestats/stats/number-format';
import { RATE_DECIMALS, toFixedHalfAwayFromZero } from '@crimestats/stats/rounding';

// Numbers as the plan prints them, with the statistics core's own formats, as the command line's
// tables and the CSV print them. The API gives unrounded figures; null is the missing mark here.
// It is bundled as a script of its own, format.js, which app.js imports (see client-bundle.ts).

export { MISSING, groupThousands } from '@crimestats/stats/number-format';

type Figure = number | null | undefined;

/** A count as the plan prints it: 84,621. */
export const formatCount = (value: Figure): string => (value == null ? MISSING : count(value));

/** A rate per 1,000: 2 decimals, half away from zero. */
export const formatRate = (value: Figure): string => (value == null ? MISSING : rate(value));

/** A % change: 1 decimal, without the % sign (the column header says %). */
export const formatPercent = (value: Figure): string =>
  value == null ? MISSING : formatPercentNumber(value);

/** A rate as a number for a chart: the value the table prints, so a tooltip agrees with it. */
export function chartRate(value: Figure): number | null {
  return value == null ? null : Number(toFixedHalfAwayFromZero(value, RATE_DECIMALS));
}
