import type { ComparisonResponse } from '@crimestats/reporting';
import { monthLabel } from '@crimestats/domain/months';
import { isSortKey, nextSortOrder, sortedRows, type SortKey } from './comparison-sort.ts';
import { el } from './elements.ts';
import { MISSING, formatCount, formatPercent, formatRate } from './format.ts';
import { ALL_FORCES, state } from './page-state.ts';
import { cell, incompleteMark, messageRow } from './table-cells.ts';

// The comparison table, as the plan prints it: a force's CSP areas, then the County Council area
// and the Force area; or, for all forces, every CSP area ranked together, then each force's row.
// Sortable from the column headings.

const COLUMNS = 7;

export function renderComparison(answer: ComparisonResponse): void {
  const { category, period } = answer;
  el.comparisonTitle.textContent = `${category.name}, ${monthLabel(period.start)} to ${monthLabel(period.end)}`;
  el.previousHeading.textContent = `Previous ${period.months} months`;
  el.comparison.dataset.category = category.code;
  el.comparison.dataset.period = period.end;
  const chosen = el.area.value;
  const rows = sortedRows(answer.rows, state.sort).map((row) => {
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
  if (rows.length === 0)
    rows.push(messageRow(answer.message ?? 'No figures for this period.', COLUMNS));
  el.comparisonBody.replaceChildren(...rows);
  showSortState();
  const incomplete = answer.rows.filter((row) => !row.complete).length;
  const national = el.force.value === ALL_FORCES;
  el.comparison.dataset.force = el.force.value;
  el.comparisonNote.textContent =
    `Rate per 1,000 population. Rank 1 is the highest rate among ` +
    (national ? "every loaded force's CSP areas. " : "the force's CSP areas. ") +
    `${MISSING} where the previous ${period.months} months have no figures.` +
    (incomplete > 0
      ? ` † ${incomplete} row(s) incomplete: a month of either window is missing.`
      : '');
  el.downloadComparison.disabled = answer.rows.length === 0;
  // A Board pack is one force's: there is none for all forces together.
  el.downloadPack.disabled = national;
  el.downloadPack.title = national ? 'Choose a force for its Board pack' : '';
}

/** Makes the column headings sort the table; each button names its column in `data-sort`. */
export function listenToSortButtons(): void {
  for (const button of el.comparison.querySelectorAll<HTMLElement>('thead button[data-sort]')) {
    button.addEventListener('click', () => sortBy(button.dataset.sort ?? 'rank'));
  }
}

function sortBy(column: string): void {
  const key: SortKey = isSortKey(column) ? column : 'rank';
  state.sort = nextSortOrder(state.sort, key);
  if (state.comparison) renderComparison(state.comparison);
}

function showSortState(): void {
  for (const th of el.comparison.querySelectorAll('thead th')) {
    const button = th.querySelector<HTMLElement>('button[data-sort]');
    if (button === null) continue;
    if (button.dataset.sort === state.sort.key) th.setAttribute('aria-sort', state.sort.direction);
    else th.removeAttribute('aria-sort');
  }
}
