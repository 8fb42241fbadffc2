import type { AreaTrendAnswer, TrendLine } from '@crimestats/reporting';
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { monthLabel } from '@crimestats/domain/months';
import { COLOURS, chartLibrary, rateTooltipLabel } from './chart-library.ts';
import { el } from './elements.ts';
import { chartRate, formatRate } from './format.ts';

// The chosen area's rolling rate against the County Council area and the Force area.

type TrendDataset = ChartDataset<'line', (number | null)[]>;
type TrendConfig = ChartConfiguration<'line', (number | null)[], string>;

/** The area's line stands out; the rollups' lines are dashed as in the rates chart. */
function lineStyle(index: number): { colour: string; dash: number[]; width: number } {
  if (index === 0) return { colour: COLOURS.area, dash: [], width: 3 };
  if (index === 1) return { colour: COLOURS.county, dash: [8, 4], width: 2 };
  return { colour: COLOURS.force, dash: [2, 3], width: 2 };
}

/**
 * The first period end worth drawing. When the first figure comes after the range's start, the
 * data starts there, and the windows ending in its first months − 1 months hold only part of a
 * window (a climb that is not there), so they are dropped too.
 */
function firstDrawnEnd(lines: readonly TrendLine[], ends: readonly string[], months: number) {
  const firstFigure = ends.findIndex((_end, index) =>
    lines.some((line) => (line.points[index]?.ratePer1000 ?? null) !== null),
  );
  if (firstFigure <= 0) return 0;
  return Math.min(firstFigure + months - 1, ends.length - 1);
}

function datasetOf(line: TrendLine, index: number, first: number): TrendDataset {
  const style = lineStyle(index);
  const points = line.points.slice(first);
  return {
    type: 'line',
    label: line.area.name,
    data: points.map((point) => chartRate(point.ratePer1000)),
    borderColor: style.colour,
    backgroundColor: style.colour,
    borderDash: style.dash,
    borderWidth: style.width,
    // An incomplete window is drawn as a hollow point.
    pointBackgroundColor: points.map((point) => (point.complete ? style.colour : '#ffffff')),
    pointRadius: 3,
    spanGaps: false,
  };
}

export function renderTrend(answer: AreaTrendAnswer): void {
  const { lines } = answer;
  el.trendTitle.textContent = `${answer.area.name}: rolling ${answer.range.months}-month rate, ${answer.category.name}`;
  el.trendFigure.dataset.area = answer.area.code;
  el.trendFigure.dataset.category = answer.category.code;
  const ends = lines[0]?.points.map((point) => point.periodEnd);
  if (ends === undefined) {
    renderTrendProblem(answer.message ?? 'No figures for this trend.');
    return;
  }
  const first = firstDrawnEnd(lines, ends, answer.range.months);
  const labels = ends.slice(first).map((end) => monthLabel(end));
  const datasets = lines.map((line, index) => datasetOf(line, index, first));
  const incomplete = lines.some((line) =>
    line.points.slice(first).some((point) => !point.complete),
  );
  el.trendCaption.textContent =
    `Rate per 1,000 over each ${answer.range.months}-month window ending in the month shown, ` +
    `${labels[0]} to ${labels[labels.length - 1]}.` +
    (incomplete
      ? ' Hollow points: figures flagged incomplete (a month missing from the window or from ' +
        'the window before it, which its change is measured against).'
      : '');
  const latest = datasets
    .map((dataset) => `${dataset.label} ${formatRate(dataset.data[dataset.data.length - 1])}`)
    .join('; ');
  el.trendCanvas.setAttribute(
    'aria-label',
    `${el.trendTitle.textContent}, ${labels[0]} to ${labels[labels.length - 1]}. Latest: ${latest}.`,
  );
  el.trendCanvas.hidden = false;
  draw({ labels, datasets });
}

function draw(data: TrendConfig['data']): void {
  const library = chartLibrary();
  if (library === undefined) return;
  const drawn = library.getChart(el.trendCanvas);
  if (drawn) {
    drawn.data = data;
    drawn.update();
    return;
  }
  const config: TrendConfig = {
    type: 'line',
    data,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: rateTooltipLabel } },
      },
      scales: {
        y: { beginAtZero: true, title: { display: true, text: 'Rate per 1,000' } },
      },
    },
  };
  new library(el.trendCanvas, config);
}

/** The caption says why there is no trend (or nothing, for an empty message); no chart. */
export function renderTrendProblem(message: string): void {
  el.trendCaption.textContent = message;
  el.trendCanvas.hidden = true;
  chartLibrary()?.getChart(el.trendCanvas)?.destroy();
}
