import type { Chart, ChartType, TooltipItem } from 'chart.js';
import { formatRate } from './format.ts';

// Chart.js comes from its UMD build, a script the page loads before this one, so that the
// charts stay in a file of their own that the browser caches apart from the page's code.

export type ChartLibrary = typeof Chart;

/** The line styles of the chosen area and its rollups, in the charts and their legends. */
export const COLOURS = {
  bar: '#5694ca',
  chosenBar: '#003078',
  area: '#003078',
  county: '#d4351c',
  force: '#00703c',
};

/** Chart.js, or undefined when its script did not load: the tables work without it. */
export function chartLibrary(): ChartLibrary | undefined {
  return (globalThis as { Chart?: ChartLibrary }).Chart;
}

/** The page's text colour and font in the charts; no animation, so a redraw shows at once. */
export function styleCharts(library: ChartLibrary): void {
  library.defaults.color = '#0b0c0c';
  library.defaults.font.family = getComputedStyle(document.body).fontFamily;
  library.defaults.animation = false;
}

/** Charts are bitmaps: redraws them at the size they are printed at, and back. */
export function resizeCharts(): void {
  for (const chart of Object.values(chartLibrary()?.instances ?? {})) chart.resize();
}

/** A tooltip's line: the dataset's label and the value as the table prints it. */
export const rateTooltipLabel = (item: TooltipItem<ChartType>): string =>
  `${item.dataset.label}: ${formatRate(typeof item.raw === 'number' ? item.raw : null)}`;
