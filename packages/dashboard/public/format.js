// Numbers as the plan prints them. The API gives unrounded figures; the page rounds them here,
// the same way as the command line's tables and the CSV (`toFixedHalfAwayFromZero` in
// @crimestats/stats, which a unit test holds this copy to).

/** What a table shows for a value that does not exist (no previous window, no population). */
export const MISSING = '–';

/**
 * The digits of a non-negative finite number's shortest round-trip decimal and where the point
 * goes among them: 2.675 → { digits: '2675', pointAt: 1 }.
 * @param {number} value
 * @returns {{ digits: string, pointAt: number }}
 */
function decimalDigits(value) {
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  return { digits: whole + fraction, pointAt: whole.length + Number(exponent) };
}

/**
 * `value` to `decimals` places, half away from zero, as a fixed-point string. Rounds the decimal
 * people read (2.675 → "2.68"), not the binary value just below it.
 * @param {number} value
 * @param {number} decimals
 * @returns {string}
 */
export function toFixedHalfAwayFromZero(value, decimals) {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be a whole number from 0 to 20: ${decimals}`);
  }
  const { digits, pointAt } = decimalDigits(Math.abs(value));
  const cut = pointAt + decimals;
  const kept = cut <= 0 ? '0' : digits.padEnd(cut, '0').slice(0, cut);
  const roundsUp = cut >= 0 && (digits[cut] ?? '0') >= '5';
  const scaled = (BigInt(kept) + (roundsUp ? 1n : 0n)).toString().padStart(decimals + 1, '0');
  const whole = scaled.slice(0, scaled.length - decimals);
  const fraction = scaled.slice(scaled.length - decimals);
  const text = decimals === 0 ? whole : `${whole}.${fraction}`;
  const isZero = /^[0.]*$/.test(text);
  return value < 0 && !isZero ? `-${text}` : text;
}

/**
 * Commas between thousands in the whole part: "-84621.5" → "-84,621.5".
 * @param {string} decimal
 */
export function groupThousands(decimal) {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(decimal);
  if (match === null) throw new RangeError(`not a plain decimal: ${decimal}`);
  const [, sign = '', whole = '', fraction = ''] = match;
  return sign + whole.replace(/\B(?=(\d{3})+$)/g, ',') + fraction;
}

/**
 * A count as the plan prints it: 84,621; null is the missing mark.
 * @param {number | null | undefined} value
 */
export function formatCount(value) {
  return value == null ? MISSING : groupThousands(toFixedHalfAwayFromZero(value, 0));
}

/**
 * A rate per 1,000: 2 decimals, half away from zero.
 * @param {number | null | undefined} value
 */
export function formatRate(value) {
  return value == null ? MISSING : groupThousands(toFixedHalfAwayFromZero(value, 2));
}

/**
 * A % change: 1 decimal, half away from zero, without the % sign (the column header says %).
 * @param {number | null | undefined} value
 */
export function formatPercent(value) {
  return value == null ? MISSING : groupThousands(toFixedHalfAwayFromZero(value, 1));
}

/**
 * A rate as a number for a chart: the value the table prints, so a tooltip agrees with it.
 * @param {number | null | undefined} value
 * @returns {number | null}
 */
export function chartRate(value) {
  return value == null ? null : Number(toFixedHalfAwayFromZero(value, 2));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "2025-12" → "Dec 2025".
 * @param {string} month
 */
export function monthLabel(month) {
  const [year, number] = month.split('-');
  return `${MONTHS[Number(number) - 1] ?? number} ${year}`;
}

/**
 * The month `count` months before (negative: after) `month`, both `YYYY-MM`.
 * @param {string} month
 * @param {number} count
 */
export function monthsBefore(month, count) {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) - count;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}
