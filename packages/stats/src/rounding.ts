export const RATE_DECIMALS = 2;
export const PERCENT_DECIMALS = 1;

/**
 * `value` to `decimals` places, half away from zero, as a fixed-point string ("1.10", "-0.1").
 *
 * Rounds the shortest decimal that reads back as the same double (what String(value) prints),
 * not the binary value: 2.675 is stored as 2.67499999…, yet people and the plan mean 2.675, so
 * it must round to 2.68. Working on digits also avoids the error of scaling by 10^decimals.
 */
export function toFixedHalfAwayFromZero(value: number, decimals: number): string {
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

/** Like toFixedHalfAwayFromZero, as a number (never −0). */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  return Number(toFixedHalfAwayFromZero(value, decimals));
}

/** A rate as the plan prints it: 2 decimals. */
export function roundRate(rate: number): number {
  return roundHalfAwayFromZero(rate, RATE_DECIMALS);
}

/** A % change as the plan prints it: 1 decimal. */
export function roundPercent(percent: number): number {
  return roundHalfAwayFromZero(percent, PERCENT_DECIMALS);
}

/**
 * The digits of a non-negative finite number's shortest round-trip decimal, with the position
 * of the decimal point among them; `pointAt` may be negative or beyond the digits.
 * 2.675 → { digits: '2675', pointAt: 1 }; 1.5e-7 → { digits: '15', pointAt: -6 }.
 */
function decimalDigits(value: number): { digits: string; pointAt: number } {
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  return { digits: whole + fraction, pointAt: whole.length + Number(exponent) };
}
