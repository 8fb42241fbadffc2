/** Volume per 1,000 people; null when the population is unknown or not positive. */
export function ratePer1000(volume: number, population: number | null): number | null {
  return population === null || population <= 0 ? null : (volume / population) * 1000;
}

/** Change as a % of the previous volume; null when there is no previous volume or it is 0. */
export function percentChange(current: number, previous: number | null): number | null {
  return previous === null || previous === 0 ? null : ((current - previous) / previous) * 100;
}

export function volumeChange(current: number, previous: number | null): number | null {
  return previous === null ? null : current - previous;
}
