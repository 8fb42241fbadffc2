/** |z| at or above which a change is flagged. */
export const SIGNIFICANCE_THRESHOLD = 3;

/**
 * z = 2(√current − √previous), the plan's test for whether a change in a count is more than
 * noise.
 *
 * Method: counts are treated as Poisson. The square root stabilises a Poisson count's variance:
 * for X ~ Poisson(λ) with λ not small, Var(√X) ≈ 1/4, so Var(2√X) ≈ 1. The difference of two
 * independent such terms therefore has Var(2√current − 2√previous) ≈ 2, not 1: this z has a
 * standard deviation of about √2, so |z| ≥ 3 corresponds to roughly 2.1 standard deviations
 * (two-sided p ≈ 0.03 when nothing has changed), not the 3σ the threshold suggests. The formula
 * is kept exactly as the plan specifies; dividing by √2 would give a unit-variance score.
 * The approximation is poor for very small counts (λ below about 5).
 */
export function poissonZScore(current: number, previous: number): number {
  if (current < 0 || previous < 0) throw new RangeError('counts cannot be negative');
  return 2 * (Math.sqrt(current) - Math.sqrt(previous));
}

export function isSignificant(zScore: number): boolean {
  return Math.abs(zScore) >= SIGNIFICANCE_THRESHOLD;
}
