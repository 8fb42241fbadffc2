import { addMonths, monthRange, type Month } from '@crimestats/domain';

export const DEFAULT_WINDOW_MONTHS = 12;

/** A run of whole months, named (as the contract does) by its last month. */
export interface Window {
  start: Month;
  end: Month;
  months: number;
}

/** The `months` months ending with `end`: [end − (months − 1) .. end]. */
export function windowEndingAt(end: Month, months: number = DEFAULT_WINDOW_MONTHS): Window {
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError(`window length must be a positive whole number of months: ${months}`);
  }
  return { start: addMonths(end, -(months - 1)), end, months };
}

/** The window of the same length immediately before. */
export function previousWindow(window: Window): Window {
  return windowEndingAt(addMonths(window.start, -1), window.months);
}

/** The same-length window `offset` months later (earlier when negative). */
export function shiftWindow(window: Window, offset: number): Window {
  return windowEndingAt(addMonths(window.end, offset), window.months);
}

export function monthsOf(window: Window): Month[] {
  return monthRange(window.start, window.end);
}
