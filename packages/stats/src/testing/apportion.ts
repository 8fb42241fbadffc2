/**
 * Splits a whole number into whole parts proportional to `weights`, summing exactly to `total`
 * (largest-remainder method: floor every share, then hand the leftover units to the largest
 * fractional parts, earlier parts first on ties). Deterministic, so fixtures are reproducible.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) {
    throw new RangeError(`total must be a non-negative integer: ${total}`);
  }
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (weights.length === 0 || weights.some((weight) => weight < 0) || !(weightSum > 0)) {
    throw new RangeError('weights must be non-negative with a positive sum');
  }
  const quotas = weights.map((weight) => (total * weight) / weightSum);
  const parts = quotas.map(Math.floor);
  const leftover = total - parts.reduce((sum, part) => sum + part, 0);
  const byRemainder = quotas
    .map((quota, position) => ({ position, remainder: quota - Math.floor(quota) }))
    .sort((a, b) => b.remainder - a.remainder || a.position - b.position);
  for (const { position } of byRemainder.slice(0, leftover)) {
    parts[position] = (parts[position] ?? 0) + 1;
  }
  return parts;
}
