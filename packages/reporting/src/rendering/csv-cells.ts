import { toFixedHalfAwayFromZero } from '@crimestats/stats';
import { csvField } from './render-csv.ts';

/** A number rounded half away from zero for a CSV cell; empty for null. */
export const csvFixed = (value: number | null, decimals: number): string =>
  value === null ? '' : toFixedHalfAwayFromZero(value, decimals);

/** Rows of cells as CSV text: fields quoted where needed, "\n" after every line. */
export const csvLines = (rows: readonly (readonly string[])[]): string =>
  `${rows.map((cells) => cells.map(csvField).join(',')).join('\n')}\n`;
