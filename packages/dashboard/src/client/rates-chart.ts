import type { ComparisonResponse } from '@crimestats/reporting';
import type {
  ChartConfigurationCustomTypesPerDataset,
  ChartDatasetCustomTypesPerDataset,
} from 'chart.js';
import { monthLabel } from '@crimestats/domain/months';
import { COLOURS, chartLibrary, rateTooltipLabel } from './chart-library.ts';
import { el } from './elements.ts';
import { chartRate, formatRate } from './format.ts';
import { areaName } from './page-state.ts';

// The rates across the areas: a bar per CSP area, the chosen one darker, and the County Council
// area's and the Force area's rates as lines across the bars.

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
  const rollups = [
    { kind: 'county', colour: COLOURS.county, dash: [8, 4] },
    { kind: 'force', colour: COLOURS.force, dash: [2, 3] },
  ];
  const lines = rollups.flatMap(({ kind, colour, dash }): RatesDataset[] => {
    const row = answer.rows.find((candidate) => candidate.area.kind === kind);
    if (row === undefined || row.ratePer1000 === null) return [];
    const rate = chartRate(row.ratePer1000);
    return [
      {
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
      },
    ];
  });
  return [bars, ...lines];
}

/** The caption and the canvas's label say in words what the chart draws. */
function describeChart(answer: ComparisonResponse, chosen: string): void {
  const csp = answer.rows.filter((row) => row.area.kind === 'csp');
  const county = answer.rows.find((row) => row.area.kind === 'county');
  const force = answer.rows.find((row) => row.area.kind === 'force');
  const title = `${answer.category.name}: rate per 1,000, ${monthLabel(answer.period.start)} to ${monthLabel(answer.period.end)}`;
  el.ratesFigure.dataset.category = answer.category.code;
  el.ratesFigure.dataset.period = answer.period.end;
  el.ratesCaption.textContent = `${title}. Bars: the CSP areas, highest first${
    chosen ? ` (${areaName(chosen)} darker)` : ''
  }; lines: the County Council area and the Force area.`;
  el.ratesCanvas.setAttribute(
    'aria-label',
    `${title}. ${csp
      .map((row) => `${row.area.name} ${formatRate(row.ratePer1000)}`)
      .join('; ')}${county ? `; County Council area ${formatRate(county.ratePer1000)}` : ''}${
      force ? `; Force area ${formatRate(force.ratePer1000)}` : ''
    }.`,
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
