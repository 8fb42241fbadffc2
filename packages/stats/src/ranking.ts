/**
 * Standard competition ranks ("1224"), highest value first: equal values share a rank and the
 * next rank skips by the size of the tie. Null values are not ranked.
 */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  const ranked = values.filter((value): value is number => value !== null);
  return values.map((value) =>
    value === null ? null : 1 + ranked.filter((other) => other > value).length,
  );
}
