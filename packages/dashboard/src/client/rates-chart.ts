import type { ComparisonResponse } from '@crimestats/reporting';
import type {
  ChartConfigurationCustomTypesPerDataset,
  ChartDatasetCustomTypesPerDataset,
} from 'chart.js';
import { monthLabel } from '@crimestats/domain/months';
import { COLOURS, chartLibrary, rateTooltipLabel } from './chart-library.ts';
import { el } from './elements.ts';
import { chartRate, formatRate } from './format.ts';
import { areaName, areasInForce } from './page-state.ts';
import { ratesChartRollups } from './rates-rollups.ts';

// The rates across the areas: a bar per CSP area, the chosen one darker, and the County Council
// area's and the Force area's rates as lines across the bars (in the national table, those of the
// chosen area's force).

type RatesDataset = ChartDatasetCustomTypesPerDataset<'bar' | 'line', (number | null)[]>;
type RatesConfig = ChartConfigurationCustomTypesPerDataset<
  'bar' | 'line',
  (number | null)[],
  string
>;

function datasetsOf(answer: ComparisonResponse, chosen: string): RatesDataset[] {
  const csp = answer.rows.filter((row) => row.area.kind === 'csp');
  const bars: RatesDataset = {
    type: 'bar',
    label: 'Rate per 1,000',
    data: csp.map((row) => chartRate(row.ratePer1000)),
    backgroundColor: csp.map((row) => (row.area.code === chosen ? COLOURS.chosenBar : COLOURS.bar)),
    pointStyle: 'rect',
    order: 2,
  };
  const style = {
    county: { colour: COLOURS.county, dash: [8, 4] },
    force: { colour: COLOURS.force, dash: [2, 3] },
  };
  const lines = rollupsOf(answer, chosen).map((row): RatesDataset => {
    const { colour, dash } = style[row.area.kind as keyof typeof style];
    const rate = chartRate(row.ratePer1000);
    return {
      type: 'line',
      label: `${row.area.name}: ${formatRate(row.ratePer1000)}`,
      data: csp.map(() => rate),
      borderColor: colour,
      backgroundColor: colour,
      borderDash: dash,
      borderWidth: 2,
      pointRadius: 0,
      pointHitRadius: 0,
      pointStyle: 'line',
      order: 1,
    };
  });
  return [bars, ...lines];
}

const rollupsOf = (answer: ComparisonResponse, chosen: string) =>
  ratesChartRollups(answer.rows, chosen, (rollup, area) => areasInForce(rollup).has(area));

/** The caption and the canvas's label say in words what the chart draws. */
function describeChart(answer: ComparisonResponse, chosen: string): void {
  const csp = answer.rows.filter((row) => row.area.kind === 'csp');
  const rollups = rollupsOf(answer, chosen);
  const title = `${answer.category.name}: rate per 1,000, ${monthLabel(answer.period.start)} to ${monthLabel(answer.period.end)}`;
  el.ratesFigure.dataset.category = answer.category.code;
  el.ratesFigure.dataset.period = answer.period.end;
  el.ratesCaption.textContent = `${title}. Bars: the CSP areas, highest first${
    chosen ? ` (${areaName(chosen)} darker)` : ''
  }${
    rollups.length === 0
      ? '; no lines: pick an area to mark its force’s rate.'
      : `; lines: ${rollups.map((row) => row.area.name).join(' and ')}.`
  }`;
  el.ratesCanvas.setAttribute(
    'aria-label',
    `${title}. ${[...csp, ...rollups]
      .map((row) => `${row.area.name} ${formatRate(row.ratePer1000)}`)
      .join('; ')}.`,
  );
}

export function renderRatesChart(answer: ComparisonResponse): void {
  const chosen = el.area.value;
  describeChart(answer, chosen);
  const library = chartLibrary();
  if (library === undefined) return;
  const data: RatesConfig['data'] = {
    labels: answer.rows.filter((row) => row.area.kind === 'csp').map((row) => row.area.name),
    datasets: datasetsOf(answer, chosen),
  };
  const drawn = library.getChart(el.ratesCanvas);
  if (drawn) {
    drawn.data = data;
    drawn.update();
    return;
  }
  const config: RatesConfig = {
    data,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, pointStyleWidth: 28 } },
        tooltip: {
          callbacks: { label: rateTooltipLabel },
          filter: (item) => item.dataset.type === 'bar',
        },
      },
      scales: {
        x: { ticks: { autoSkip: false, maxRotation: 45 } },
        y: { beginAtZero: true, title: { display: true, text: 'Rate per 1,000' } },
      },
    },
  };
  new library(el.ratesCanvas, config);
}
