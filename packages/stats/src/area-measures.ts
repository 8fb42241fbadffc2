import { percentChange, ratePer1000, volumeChange } from './rates.ts';
import { isSignificant, poissonZScore } from './significance.ts';
import type { WindowTotal } from './window-totals.ts';

/** An area's figures for a period compared with the one before. Unrounded. */
export interface AreaMeasures {
  volume: number;
  population: number | null;
  ratePer1000: number | null;
  /** Null when the previous window has no record at all for the area. */
  previousVolume: number | null;
  volumeChange: number | null;
  /** Also null when the previous volume is 0. */
  percentChange: number | null;
  /** False when any month of either window is missing. */
  complete: boolean;
  /**
   * See poissonZScore; null with no previous volume, and null unless both windows are complete: a
   * missing month shrinks a window's count, and the test would read that as a real change.
   */
  zScore: number | null;
  significant: boolean | null;
}

export function measureArea(
  current: WindowTotal,
  previous: WindowTotal,
  population: number | null,
): AreaMeasures {
  const volume = current.volume;
  const previousVolume = previous.hasData ? previous.volume : null;
  const complete = current.complete && previous.complete;
  const zScore =
    previousVolume === null || !complete ? null : poissonZScore(volume, previousVolume);
  return {
    volume,
    population,
    ratePer1000: ratePer1000(volume, population),
    previousVolume,
    volumeChange: volumeChange(volume, previousVolume),
    percentChange: percentChange(volume, previousVolume),
    complete,
    zScore,
    significant: zScore === null ? null : isSignificant(zScore),
  };
}
