import { roundHalfAwayFromZero } from './rounding.ts';

const POWERS_OF_TEN = [
  1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/**
 * roundHalfAwayFromZero, in floating point wherever that cannot give another answer, else by
 * roundHalfAwayFromZero itself: ranking a national recompute rounds a million rates.
 *
 * Why it is the same: the string method rounds T = |S| × 10^decimals, S the shortest decimal that
 * reads back as `value`. S is within half an ulp of `value` and the product below is rounded once,
 * so while it stays under 2^30 it is within 2^-22 of T: unless its fraction is within 10^-6 of
 * one half, it rounds to the same whole number k as T does. k and 10^decimals are exact doubles,
 * so k / 10^decimals is the double nearest k·10^-decimals, which is what Number() reads from the
 * string method's digits; −0 never comes out, as there.
 */
export function quickRoundHalfAwayFromZero(value: number, decimals: number): number {
  const scale = POWERS_OF_TEN[decimals];
  if (scale !== undefined && Number.isFinite(value)) {
    const scaled = Math.abs(value) * scale;
    if (scaled < 2 ** 30) {
      const whole = Math.floor(scaled);
      const fraction = scaled - whole; // exact: whole ≤ scaled < whole + 1
      if (Math.abs(fraction - 0.5) > 1e-6) {
        const rounded = fraction > 0.5 ? whole + 1 : whole;
        if (rounded === 0) return 0;
        return (value < 0 ? -rounded : rounded) / scale;
      }
    }
  }
  return roundHalfAwayFromZero(value, decimals);
}
