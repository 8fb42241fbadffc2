import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPercent, formatRate } from './number-format.ts';
import { percentChange, ratePer1000 } from './rates.ts';
import { PERCENT_DECIMALS, RATE_DECIMALS, toFixedHalfAwayFromZero } from './rounding.ts';

// The reference: exact decimal arithmetic, rounded half away from zero (decimal.js's ROUND_HALF_UP
// rounds ties away from zero). 60 significant digits keep every quotient far from a false half.
const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

function exactlyRounded(numerator: Decimal, denominator: number, decimals: number): string {
  const text = numerator.div(denominator).toFixed(decimals);
  return /^-[0.]+$/.test(text) ? text.slice(1) : text; // a rounded zero has no sign, as printed
}

const printedRate = (volume: number, population: number): string =>
  toFixedHalfAwayFromZero(ratePer1000(volume, population) as number, RATE_DECIMALS);
const printedPercent = (current: number, previous: number): string =>
  toFixedHalfAwayFromZero(percentChange(current, previous) as number, PERCENT_DECIMALS);

describe('exact halves round as printed', () => {
  it('98 per 80,000 is 1.225 per 1,000, printed 1.23', () => {
    expect(printedRate(98, 80_000)).toBe('1.23');
    expect(formatRate(ratePer1000(98, 80_000) as number)).toBe('1.23');
  });

  it('80 → 103 is +28.75%, printed 28.8%', () => {
    expect(printedPercent(103, 80)).toBe('28.8');
    expect(formatPercent(percentChange(103, 80) as number)).toBe('28.8%');
    expect(printedPercent(57, 80)).toBe('-28.8'); // 80 → 57 is −28.75%: away from zero
  });

  it('a rate rounds as the exact decimal volume × 1,000 ÷ population does', () => {
    // A rate ends in an exact half (…5 in the third place) when volume × 10⁶ ÷ population is a
    // whole number ending in 5: a population of 2^a × 5^b × s, with s dividing the volume.
    const halves = fc
      .record({
        a: fc.nat(8),
        b: fc.nat(8),
        s: fc.integer({ min: 1, max: 60 }),
        t: fc.integer({ min: 1, max: 50_000 }),
      })
      .map(({ a, b, s, t }) => ({ volume: s * t, population: 2 ** a * 5 ** b * s }))
      .filter(({ volume, population }) => ((volume * 1_000_000) / population) % 10 === 5);
    const any = fc.record({
      volume: fc.nat(5_000_000),
      population: fc.integer({ min: 1, max: 20_000_000 }),
    });
    fc.assert(
      fc.property(fc.oneof(halves, any), ({ volume, population }) => {
        expect(printedRate(volume, population)).toBe(
          exactlyRounded(new Exact(volume).times(1000), population, RATE_DECIMALS),
        );
      }),
      { numRuns: 20_000 },
    );
  });

  it('a % change rounds as the exact decimal (current − previous) × 100 ÷ previous does', () => {
    const counts = fc.oneof(
      fc.integer({ min: 1, max: 400 }),
      fc.integer({ min: 1, max: 5_000_000 }),
    );
    fc.assert(
      fc.property(fc.nat(5_000_000), counts, (current, previous) => {
        expect(printedPercent(current, previous)).toBe(
          exactlyRounded(new Exact(current - previous).times(100), previous, PERCENT_DECIMALS),
        );
      }),
      { numRuns: 20_000 },
    );
  });
});
