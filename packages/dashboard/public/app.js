/* global Chart, window, document, sessionStorage, history, fetch, URL, URLSearchParams, Option, getComputedStyle, setTimeout */
// The crimestats dashboard: one page over the reporting API (/v1), same origin, bearer token.
// Plain ES module, no build step. Chart.js comes from its UMD build, loaded before this script.
import {
  MISSING,
  chartRate,
  formatCount,
  formatPercent,
  formatRate,
  monthLabel,
  monthsBefore,
} from './format.js';

const TOKEN_KEY = 'crimestats.token';
const DEFAULT_CATEGORY = 'total-recorded-crime';
/** How many period ends the trend asks for; leading ends with no figures at all are dropped. */
const TREND_POINTS = 36;

const COLOURS = {
  bar: '#5694ca',
  chosenBar: '#003078',
  area: '#003078',
  county: '#d4351c',
  force: '#00703c',
};

/** @param {string} id */
const byId = (id) => {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element;
};

const el = {
  tokenPanel: byId('token-panel'),
  tokenForm: /** @type {HTMLFormElement} */ (byId('token-form')),
  tokenInput: /** @type {HTMLInputElement} */ (byId('token-input')),
  tokenError: byId('token-error'),
  dashboard: byId('dashboard'),
  category: /** @type {HTMLSelectElement} */ (byId('category')),
  period: /** @type {HTMLInputElement} */ (byId('period')),
  months: /** @type {HTMLInputElement} */ (byId('months')),
  area: /** @type {HTMLSelectElement} */ (byId('area')),
  forget: byId('forget-token'),
  currency: byId('currency'),
  status: byId('status'),
  error: byId('error'),
  comparisonTitle: byId('comparison-title'),
  comparison: /** @type {HTMLTableElement} */ (byId('comparison')),
  comparisonBody: byId('comparison-body'),
  comparisonNote: byId('comparison-note'),
  previousHeading: byId('previous-heading'),
  downloadComparison: /** @type {HTMLButtonElement} */ (byId('download-comparison')),
  ratesFigure: byId('rates-figure'),
  ratesCanvas: /** @type {HTMLCanvasElement} */ (byId('rates-chart')),
  ratesCaption: byId('rates-caption'),
  trendTitle: byId('trend-title'),
  trendFigure: byId('trend-figure'),
  trendCanvas: /** @type {HTMLCanvasElement} */ (byId('trend-chart')),
  trendCaption: byId('trend-caption'),
  changesTitle: byId('changes-title'),
  changesBody: byId('changes-body'),
  changesNote: byId('changes-note'),
  downloadChanges: /** @type {HTMLButtonElement} */ (byId('download-changes')),
};

// ---- the token ------------------------------------------------------------------------------

/**
 * A token handed over in the address's fragment (`#token=…`, which never reaches the server) is
 * kept for this tab only and taken out of the address bar, so it is not bookmarked or shared.
 */
function takeTokenFromFragment() {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get('token');
  if (token === null) return;
  if (token.trim() !== '') sessionStorage.setItem(TOKEN_KEY, token.trim());
  fragment.delete('token');
  const rest = fragment.toString();
  history.replaceState(
    history.state,
    '',
    `${window.location.pathname}${window.location.search}${rest === '' ? '' : `#${rest}`}`,
  );
}

const currentToken = () => sessionStorage.getItem(TOKEN_KEY);

/** @param {string} [message] why the token is asked for again */
function askForToken(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  el.dashboard.hidden = true;
  el.tokenPanel.hidden = false;
  el.tokenError.textContent = message ?? '';
  el.tokenError.hidden = !message;
  el.currency.textContent = '';
  el.tokenInput.value = '';
  el.tokenInput.focus();
}

class TokenRefused extends Error {}

class ApiError extends Error {
  /**
   * @param {string} message
   * @param {number} status
   */
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/**
 * A GET on the reporting API with the token.
 * @param {string} path
 * @param {Record<string, string | number>} [params]
 * @param {'json' | 'csv'} [format]
 */
async function api(path, params = {}, format = 'json') {
  const token = currentToken();
  if (token === null) throw new TokenRefused('no token');
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  if (format === 'csv') url.searchParams.set('format', 'csv');
  const response = await fetch(url, {
    headers: {
      authorization: `Bearer ${token}`,
      accept: format === 'csv' ? 'text/csv' : 'application/json',
    },
    cache: 'no-store',
  });
  if (response.status === 401) throw new TokenRefused('the token was refused');
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new ApiError(body.error ?? `${response.status} ${response.statusText}`, response.status);
  }
  return format === 'csv' ? response.blob() : response.json();
}

// ---- state ----------------------------------------------------------------------------------

const state = {
  /** @type {{ code: string, name: string, kind: string, members: string[] }[]} */
  areas: [],
  /** @type {{ code: string, name: string, parent: string | null }[]} */
  categories: [],
  /** @type {any} the last comparison answer */
  comparison: null,
  /** @type {{ key: string, direction: 'ascending' | 'descending' }} */
  sort: { key: 'rank', direction: 'ascending' },
  /** Bumped by every refresh, so a slow answer to an older choice is dropped. */
  generation: 0,
  /** @type {any} */ ratesChart: null,
  /** @type {any} */ trendChart: null,
};

const choice = () => ({
  category: el.category.value,
  period: el.period.value,
  months: Number(el.months.value) || 12,
  area: el.area.value,
});

/** The choice in the address's query, so a view can be reloaded or bookmarked (no token). */
function rememberChoice() {
  const { category, period, months, area } = choice();
  const query = new URLSearchParams({ category, period, area });
  if (months !== 12) query.set('months', String(months));
  history.replaceState(history.state, '', `${window.location.pathname}?${query}`);
}

const areaName = (/** @type {string} */ code) =>
  state.areas.find((area) => area.code === code)?.name ?? code;

// ---- start ----------------------------------------------------------------------------------

async function start() {
  takeTokenFromFragment();
  el.tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = el.tokenInput.value.trim();
    if (token === '') return;
    sessionStorage.setItem(TOKEN_KEY, token);
    void open();
  });
  el.forget.addEventListener('click', () => askForToken('The token is forgotten for this tab.'));
  for (const picker of [el.category, el.period, el.months, el.area]) {
    picker.addEventListener('change', () => {
      if (picker === el.period && !/^\d{4}-\d{2}$/.test(el.period.value)) return;
      if (picker === el.months && !el.months.checkValidity()) return;
      rememberChoice();
      void refresh();
    });
  }
  el.downloadComparison.addEventListener('click', () => void downloadComparisonCsv());
  el.downloadChanges.addEventListener('click', () => void downloadChangesCsv());
  for (const button of el.comparison.querySelectorAll('thead button[data-sort]')) {
    button.addEventListener('click', () =>
      sortBy(/** @type {HTMLElement} */ (button).dataset.sort ?? 'rank'),
    );
  }
  // Charts are bitmaps: redraw them at the printed size, and back.
  const resize = () => {
    state.ratesChart?.resize();
    state.trendChart?.resize();
  };
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
  if (typeof Chart === 'undefined') {
    showError('The chart library did not load; the tables still work.');
  } else {
    Chart.defaults.color = '#0b0c0c';
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.animation = false;
  }
  await open();
}

/** Loads the reference lists with the token, then the figures; asks for a token if refused. */
async function open() {
  if (currentToken() === null) {
    askForToken();
    return;
  }
  setStatus('Loading…');
  try {
    const [areas, categories] = await Promise.all([api('/v1/areas'), api('/v1/categories')]);
    state.areas = areas.areas;
    state.categories = categories.categories;
  } catch (error) {
    if (error instanceof TokenRefused) {
      askForToken('That token was refused. Paste the token `crimestats up` printed.');
    } else {
      el.tokenPanel.hidden = true;
      el.dashboard.hidden = false;
      showError(`The reporting API did not answer: ${describe(error)}`);
    }
    return;
  }
  el.tokenPanel.hidden = true;
  el.dashboard.hidden = false;
  fillPickers();
  await refresh();
}

function fillPickers() {
  const query = new URLSearchParams(window.location.search);
  el.category.replaceChildren(
    ...state.categories.map((category) => {
      const option = new Option(category.name, category.code);
      if (category.parent !== null) option.textContent = `\u2003${category.name}`;
      return option;
    }),
  );
  const categoryCodes = state.categories.map((category) => category.code);
  const wantedCategory = query.get('category') ?? DEFAULT_CATEGORY;
  el.category.value = categoryCodes.includes(wantedCategory)
    ? wantedCategory
    : (categoryCodes[0] ?? '');

  const groups = [
    ['CSP areas', state.areas.filter((area) => area.kind === 'csp')],
    ['Rollups', state.areas.filter((area) => area.kind !== 'csp')],
  ];
  el.area.replaceChildren(
    ...groups.map(([label, areas]) => {
      const group = document.createElement('optgroup');
      group.label = /** @type {string} */ (label);
      group.append(
        ...[.../** @type {typeof state.areas} */ (areas)]
          .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
          .map((area) => new Option(area.name, area.code)),
      );
      return group;
    }),
  );
  const areaCodes = state.areas.map((area) => area.code);
  const wantedArea = query.get('area');
  if (wantedArea !== null && areaCodes.includes(wantedArea)) el.area.value = wantedArea;

  const period = query.get('period');
  if (period !== null && /^\d{4}-\d{2}$/.test(period)) el.period.value = period;
  const months = Number(query.get('months'));
  if (Number.isInteger(months) && months >= 1 && months <= 60) el.months.value = String(months);
}

// ---- loading --------------------------------------------------------------------------------

async function refresh() {
  const generation = ++state.generation;
  const current = () => generation === state.generation;
  hideError();
  setStatus('Loading…');
  el.dashboard.setAttribute('aria-busy', 'true');
  try {
    let { category, period, months } = choice();
    if (period === '') {
      // No period chosen yet: ask for this month's, whose answer says which month is latest.
      const probe = await api('/v1/comparisons', {
        category,
        period: new Date().toISOString().slice(0, 7),
        months,
      });
      if (!current()) return;
      if (probe.basis?.latestMonth == null) {
        showCurrency(probe.basis);
        renderComparison(probe);
        clearAreaPanels();
        setStatus('');
        showError(
          'No figures are loaded yet. Load files with `pnpm crimestats ingest <file>` or POST /v1/uploads.',
        );
        return;
      }
      period = probe.basis.latestMonth;
      el.period.value = period;
      rememberChoice();
    }
    const comparison = await api('/v1/comparisons', { category, period, months });
    if (!current()) return;
    state.comparison = comparison;
    showCurrency(comparison.basis);
    renderComparison(comparison);
    renderRatesChart(comparison);
    setStatus('');
    if (comparison.rows.length === 0 && comparison.message) showError(comparison.message);
    await refreshArea(current);
  } catch (error) {
    if (!current()) return;
    if (error instanceof TokenRefused) {
      askForToken('The token was refused. Paste a valid token.');
      return;
    }
    setStatus('');
    showError(describe(error));
  } finally {
    if (current()) el.dashboard.removeAttribute('aria-busy');
  }
}

/** The chosen area's trend and changes; a refusal of one (a CSP token's other area) is shown there. */
async function refreshArea(/** @type {() => boolean} */ current) {
  const { category, period, months, area } = choice();
  if (area === '') return;
  const [trend, changes] = await Promise.allSettled([
    api(`/v1/areas/${encodeURIComponent(area)}/trend`, {
      category,
      from: monthsBefore(period, TREND_POINTS - 1),
      to: period,
      months,
    }),
    api(`/v1/areas/${encodeURIComponent(area)}/changes`, { period, months }),
  ]);
  if (!current()) return;
  for (const result of [trend, changes]) {
    if (result.status === 'rejected' && result.reason instanceof TokenRefused) throw result.reason;
  }
  if (trend.status === 'fulfilled') renderTrend(trend.value);
  else renderTrendProblem(describe(trend.reason));
  if (changes.status === 'fulfilled') renderChanges(changes.value);
  else renderChangesProblem(describe(changes.reason));
}

function clearAreaPanels() {
  renderTrendProblem('');
  renderChangesProblem('');
}

// ---- currency -------------------------------------------------------------------------------

/** @param {{ latestMonth: string | null, loadedAt: string | null, complete: boolean } | undefined} basis */
function showCurrency(basis) {
  if (!basis || basis.latestMonth === null) {
    el.currency.textContent = 'No data loaded yet.';
    el.currency.dataset.complete = 'false';
    return;
  }
  const loaded =
    basis.loadedAt === null
      ? ''
      : `, loaded ${new Date(basis.loadedAt).toLocaleString('en-GB', {
          dateStyle: 'medium',
          timeStyle: 'short',
        })}`;
  const completeness = basis.complete
    ? 'Every month of both windows is present for every area.'
    : 'Incomplete: some areas miss a month in this window or the previous one (marked †).';
  el.currency.textContent = `Data to ${monthLabel(basis.latestMonth)}${loaded}. ${completeness}`;
  el.currency.dataset.complete = String(basis.complete);
}

// ---- the comparison table -------------------------------------------------------------------

/** @param {any} row @param {string} key */
function sortValue(row, key) {
  switch (key) {
    case 'area':
      return row.area.name;
    case 'volume':
      return row.volume;
    case 'rate':
      return row.ratePer1000;
    case 'rank':
      return row.rank;
    case 'previous':
      return row.previousVolume;
    case 'change':
      return row.volumeChange;
    case 'percent':
      return row.percentChange;
    default:
      return null;
  }
}

/** CSP rows in the chosen order (missing values last); the rollups keep their place at the end. */
function sortedRows(/** @type {any[]} */ rows) {
  const { key, direction } = state.sort;
  const sign = direction === 'ascending' ? 1 : -1;
  const csp = rows.filter((row) => row.area.kind === 'csp');
  const rollups = rows.filter((row) => row.area.kind !== 'csp');
  const sorted = csp
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = sortValue(a.row, key);
      const y = sortValue(b.row, key);
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      const order =
        typeof x === 'string' ? x.localeCompare(y, 'en-GB') : x < y ? -1 : x > y ? 1 : 0;
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map(({ row }) => row);
  return [...sorted, ...rollups];
}

function sortBy(/** @type {string} */ key) {
  const same = state.sort.key === key;
  const firstDirection = key === 'area' || key === 'rank' ? 'ascending' : 'descending';
  state.sort = {
    key,
    direction: same
      ? state.sort.direction === 'ascending'
        ? 'descending'
        : 'ascending'
      : firstDirection,
  };
  if (state.comparison) renderComparison(state.comparison);
}

function showSortState() {
  for (const th of el.comparison.querySelectorAll('thead th')) {
    const button = th.querySelector('button[data-sort]');
    if (button === null) continue;
    if (/** @type {HTMLElement} */ (button).dataset.sort === state.sort.key) {
      th.setAttribute('aria-sort', state.sort.direction);
    } else {
      th.removeAttribute('aria-sort');
    }
  }
}

/**
 * @param {string} text
 * @param {string} [className]
 */
function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

/** A mark for an incomplete row: a symbol to see and words for a screen reader. */
function incompleteMark() {
  const mark = document.createElement('span');
  mark.className = 'incomplete-mark';
  mark.title = 'incomplete: a month of this window or the previous one is missing';
  mark.textContent = ' †';
  const words = document.createElement('span');
  words.className = 'visually-hidden';
  words.textContent = ' (incomplete)';
  return [mark, words];
}

function renderComparison(/** @type {any} */ answer) {
  const { category, period } = answer;
  el.comparisonTitle.textContent = `${category.name}, ${monthLabel(period.start)} to ${monthLabel(period.end)}`;
  el.previousHeading.textContent = `Previous ${period.months} months`;
  el.comparison.dataset.category = category.code;
  el.comparison.dataset.period = period.end;
  const chosen = el.area.value;
  const rows = sortedRows(answer.rows).map((row) => {
    const tr = document.createElement('tr');
    tr.dataset.area = row.area.code;
    tr.dataset.kind = row.area.kind;
    tr.dataset.complete = String(row.complete);
    if (row.area.kind !== 'csp') tr.className = 'rollup';
    if (row.area.code === chosen) tr.classList.add('chosen');
    if (!row.complete) tr.classList.add('incomplete');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = row.area.name;
    if (!row.complete) th.append(...incompleteMark());
    tr.append(
      th,
      cell(formatCount(row.volume), 'num'),
      cell(formatRate(row.ratePer1000), 'num'),
      cell(row.rank === null ? '' : String(row.rank), 'num'),
      cell(formatCount(row.previousVolume), 'num'),
      cell(formatCount(row.volumeChange), 'num'),
      cell(formatPercent(row.percentChange), 'num'),
    );
    return tr;
  });
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const td = cell(answer.message ?? 'No figures for this period.');
    td.colSpan = 7;
    tr.append(td);
    rows.push(tr);
  }
  el.comparisonBody.replaceChildren(...rows);
  showSortState();
  const incomplete = answer.rows.filter((/** @type {any} */ row) => !row.complete).length;
  el.comparisonNote.textContent =
    `Rate per 1,000 population. Rank 1 is the highest rate among the nine CSP areas. ` +
    `${MISSING} where the previous ${period.months} months have no figures.` +
    (incomplete > 0
      ? ` † ${incomplete} row(s) incomplete: a month of either window is missing.`
      : '');
  el.downloadComparison.disabled = answer.rows.length === 0;
}

// ---- the rates chart ------------------------------------------------------------------------

function renderRatesChart(/** @type {any} */ answer) {
  const csp = answer.rows.filter((/** @type {any} */ row) => row.area.kind === 'csp');
  const county = answer.rows.find((/** @type {any} */ row) => row.area.kind === 'county');
  const force = answer.rows.find((/** @type {any} */ row) => row.area.kind === 'force');
  const labels = csp.map((/** @type {any} */ row) => row.area.name);
  const rates = csp.map((/** @type {any} */ row) => chartRate(row.ratePer1000));
  const chosen = el.area.value;
  /** @type {any[]} */
  const datasets = [
    {
      type: 'bar',
      label: `Rate per 1,000`,
      data: rates,
      backgroundColor: csp.map((/** @type {any} */ row) =>
        row.area.code === chosen ? COLOURS.chosenBar : COLOURS.bar,
      ),
      pointStyle: 'rect',
      order: 2,
    },
  ];
  for (const [row, colour, dash] of [
    [county, COLOURS.county, [8, 4]],
    [force, COLOURS.force, [2, 3]],
  ]) {
    if (!row || row.ratePer1000 === null) continue;
    datasets.push({
      type: 'line',
      label: `${row.area.name}: ${formatRate(row.ratePer1000)}`,
      data: labels.map(() => chartRate(row.ratePer1000)),
      borderColor: colour,
      backgroundColor: colour,
      borderDash: dash,
      borderWidth: 2,
      pointRadius: 0,
      pointHitRadius: 0,
      pointStyle: 'line',
      order: 1,
    });
  }
  const title = `${answer.category.name}: rate per 1,000, ${monthLabel(answer.period.start)} to ${monthLabel(answer.period.end)}`;
  el.ratesFigure.dataset.category = answer.category.code;
  el.ratesFigure.dataset.period = answer.period.end;
  el.ratesCaption.textContent = `${title}. Bars: the nine CSP areas, highest first${
    chosen ? ` (${areaName(chosen)} darker)` : ''
  }; lines: the County Council area and the Force area.`;
  el.ratesCanvas.setAttribute(
    'aria-label',
    `${title}. ${csp
      .map((/** @type {any} */ row) => `${row.area.name} ${formatRate(row.ratePer1000)}`)
      .join('; ')}${county ? `; County Council area ${formatRate(county.ratePer1000)}` : ''}${
      force ? `; Force area ${formatRate(force.ratePer1000)}` : ''
    }.`,
  );
  if (typeof Chart === 'undefined') return;
  const data = { labels, datasets };
  if (state.ratesChart) {
    state.ratesChart.data = data;
    state.ratesChart.update();
    return;
  }
  state.ratesChart = new Chart(el.ratesCanvas, {
    data,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, pointStyleWidth: 28 } },
        tooltip: {
          callbacks: {
            label: (/** @type {any} */ item) => `${item.dataset.label}: ${formatRate(item.raw)}`,
          },
          filter: (/** @type {any} */ item) => item.dataset.type === 'bar',
        },
      },
      scales: {
        x: { ticks: { autoSkip: false, maxRotation: 45 } },
        y: { beginAtZero: true, title: { display: true, text: 'Rate per 1,000' } },
      },
    },
  });
}

// ---- the trend ------------------------------------------------------------------------------

function renderTrend(/** @type {any} */ answer) {
  const lines = answer.lines;
  el.trendTitle.textContent = `${answer.area.name}: rolling ${answer.range.months}-month rate, ${answer.category.name}`;
  el.trendFigure.dataset.area = answer.area.code;
  el.trendFigure.dataset.category = answer.category.code;
  if (lines.length === 0) {
    renderTrendProblem(answer.message ?? 'No figures for this trend.');
    return;
  }
  // Drop the period ends before the data fills a window: when the first figure comes after the
  // range's start, the data starts there, and the windows ending in its first months - 1 months
  // hold only part of a window (a climb that is not there).
  const ends = lines[0].points.map((/** @type {any} */ point) => point.periodEnd);
  const months = answer.range.months;
  const firstFigure = ends.findIndex((/** @type {string} */ _end, /** @type {number} */ index) =>
    lines.some((/** @type {any} */ line) => line.points[index].ratePer1000 !== null),
  );
  let first = Math.max(firstFigure, 0);
  if (firstFigure > 0) first = Math.min(firstFigure + months - 1, ends.length - 1);
  const labels = ends.slice(first).map(monthLabel);
  const styles = [
    { colour: COLOURS.area, dash: [], width: 3 },
    { colour: COLOURS.county, dash: [8, 4], width: 2 },
    { colour: COLOURS.force, dash: [2, 3], width: 2 },
  ];
  const datasets = lines.map((/** @type {any} */ line, /** @type {number} */ index) => {
    const style = styles[Math.min(index, styles.length - 1)];
    const points = line.points.slice(first);
    return {
      type: 'line',
      label: line.area.name,
      data: points.map((/** @type {any} */ point) => chartRate(point.ratePer1000)),
      borderColor: style.colour,
      backgroundColor: style.colour,
      borderDash: style.dash,
      borderWidth: style.width,
      // An incomplete window is drawn as a hollow point.
      pointBackgroundColor: points.map((/** @type {any} */ point) =>
        point.complete ? style.colour : '#ffffff',
      ),
      pointRadius: 3,
      spanGaps: false,
    };
  });
  const incomplete = lines.some((/** @type {any} */ line) =>
    line.points.slice(first).some((/** @type {any} */ point) => !point.complete),
  );
  el.trendCaption.textContent =
    `Rate per 1,000 over each ${answer.range.months}-month window ending in the month shown, ` +
    `${labels[0]} to ${labels[labels.length - 1]}.` +
    (incomplete
      ? ' Hollow points: figures flagged incomplete (a month missing from the window or from ' +
        'the window before it, which its change is measured against).'
      : '');
  const last = datasets
    .map(
      (/** @type {any} */ dataset) =>
        `${dataset.label} ${formatRate(dataset.data[dataset.data.length - 1])}`,
    )
    .join('; ');
  el.trendCanvas.setAttribute(
    'aria-label',
    `${el.trendTitle.textContent}, ${labels[0]} to ${labels[labels.length - 1]}. Latest: ${last}.`,
  );
  el.trendCanvas.hidden = false;
  if (typeof Chart === 'undefined') return;
  const data = { labels, datasets };
  if (state.trendChart) {
    state.trendChart.data = data;
    state.trendChart.update();
    return;
  }
  state.trendChart = new Chart(el.trendCanvas, {
    type: 'line',
    data,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (/** @type {any} */ item) => `${item.dataset.label}: ${formatRate(item.raw)}`,
          },
        },
      },
      scales: {
        y: { beginAtZero: true, title: { display: true, text: 'Rate per 1,000' } },
      },
    },
  });
}

function renderTrendProblem(/** @type {string} */ message) {
  el.trendCaption.textContent = message;
  el.trendCanvas.hidden = true;
  if (state.trendChart) {
    state.trendChart.destroy();
    state.trendChart = null;
  }
}

// ---- the changes ----------------------------------------------------------------------------

/** @param {any} row */
function significance(row) {
  if (row.significant === null || row.zScore === null) return { mark: '', text: MISSING };
  if (!row.significant) return { mark: '', text: 'Not significant' };
  return row.zScore > 0
    ? { mark: '▲', text: 'Significant increase' }
    : { mark: '▼', text: 'Significant decrease' };
}

function renderChanges(/** @type {any} */ answer) {
  el.changesTitle.textContent = `Biggest increases: ${answer.area.name}, ${monthLabel(answer.period.start)} to ${monthLabel(answer.period.end)}`;
  const rows = answer.rows.map((/** @type {any} */ row) => {
    const tr = document.createElement('tr');
    tr.dataset.category = row.category.code;
    tr.dataset.significant = String(row.significant);
    if (row.percentChange !== null && row.percentChange > 0) tr.classList.add('increase');
    if (!row.complete) tr.classList.add('incomplete');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = row.category.name;
    if (!row.complete) th.append(...incompleteMark());
    const { mark, text } = significance(row);
    const sig = document.createElement('td');
    sig.className = row.significant ? 'significant' : '';
    if (mark !== '') {
      const symbol = document.createElement('span');
      symbol.setAttribute('aria-hidden', 'true');
      symbol.textContent = `${mark} `;
      sig.append(symbol);
    }
    sig.append(text);
    if (row.zScore !== null) sig.title = `z = ${row.zScore.toFixed(2)}`;
    tr.append(
      th,
      cell(formatCount(row.volume), 'num'),
      cell(formatCount(row.previousVolume), 'num'),
      cell(formatCount(row.volumeChange), 'num'),
      cell(formatPercent(row.percentChange), 'num'),
      sig,
    );
    return tr;
  });
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const td = cell(answer.message ?? 'No figures for this area and period.');
    td.colSpan = 6;
    tr.append(td);
    rows.push(tr);
  }
  el.changesBody.replaceChildren(...rows);
  el.changesNote.textContent =
    'Largest % increase first. Significance: a Poisson test of the change in volume ' +
    '(|z| ≥ 3 on 2(√current − √previous)), a screen for changes beyond ordinary variation.';
  el.downloadChanges.disabled = answer.rows.length === 0;
}

function renderChangesProblem(/** @type {string} */ message) {
  const tr = document.createElement('tr');
  const td = cell(message);
  td.colSpan = 6;
  tr.append(td);
  el.changesBody.replaceChildren(...(message === '' ? [] : [tr]));
  el.downloadChanges.disabled = true;
}

// ---- CSV downloads --------------------------------------------------------------------------

/**
 * Fetches a CSV with the token and saves it: a plain link could not send the Authorization header.
 * @param {string} path
 * @param {Record<string, string | number>} params
 * @param {string} filename
 */
async function downloadCsv(path, params, filename) {
  try {
    const blob = await api(path, params, 'csv');
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`Saved ${filename}.`);
  } catch (error) {
    if (error instanceof TokenRefused) askForToken('The token was refused. Paste a valid token.');
    else showError(`The CSV could not be downloaded: ${describe(error)}`);
  }
}

function downloadComparisonCsv() {
  const { category, period, months } = choice();
  return downloadCsv(
    '/v1/comparisons',
    { category, period, months },
    `comparison-${category}-${period}-${months}m.csv`,
  );
}

function downloadChangesCsv() {
  const { period, months, area } = choice();
  return downloadCsv(
    `/v1/areas/${encodeURIComponent(area)}/changes`,
    { period, months },
    `changes-${area}-${period}-${months}m.csv`,
  );
}

// ---- messages -------------------------------------------------------------------------------

function setStatus(/** @type {string} */ text) {
  el.status.textContent = text;
}

function showError(/** @type {string} */ text) {
  el.error.textContent = text;
  el.error.hidden = false;
}

function hideError() {
  el.error.textContent = '';
  el.error.hidden = true;
}

function describe(/** @type {unknown} */ error) {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

void start();
