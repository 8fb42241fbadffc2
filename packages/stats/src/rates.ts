// Each figure is one multiplication of whole numbers (exact below 2^53) and one division, so it is
// the double nearest the true quotient: an exact half such as 98 × 1,000 ÷ 80,000 = 1.225 comes out
// as the double that prints "1.225" and rounds as printed. Dividing first and scaling after rounds
// twice (98 ÷ 80,000 × 1,000 = 1.2249999999999999, printed 1.22). A quotient that is not a half
// lies at least 1 ÷ (2 × 10^decimals × divisor) from one, far beyond a double's error at any real
// count or population, so it rounds to the same side as the exact decimal (rates-rounding.test.ts).

/** Volume per 1,000 people; null when the population is unknown or not positive. */
export function ratePer1000(volume: number, population: number | null): number | null {
  return population === null || population <= 0 ? null : (volume * 1000) / population;
}

/** Change as a % of the previous volume; null when there is no previous volume or it is 0. */
export function percentChange(current: number, previous: number | null): number | null {
  return previous === null || previous === 0 ? null : ((current - previous) * 100) / previous;
}

export function volumeChange(current: number, previous: number | null): number | null {
  return previous === null ? null : current - previous;
}
