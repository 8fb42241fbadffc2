import type { AreaChangeRow, AreaChangesAnswer } from '@crimestats/reporting';
import { monthLabel } from '@crimestats/domain/months';
import { el } from './elements.ts';
import { MISSING, formatCount, formatPercent } from './format.ts';
import { cell, incompleteMark, messageRow } from './table-cells.ts';

// The chosen area's biggest increases: every category's change, largest % increase first, with
// the significance test's verdict.

const COLUMNS = 6;

function significance(row: AreaChangeRow): { mark: string; text: string } {
  if (row.significant === null || row.zScore === null) return { mark: '', text: MISSING };
  if (!row.significant) return { mark: '', text: 'Not significant' };
  return row.zScore > 0
    ? { mark: '▲', text: 'Significant increase' }
    : { mark: '▼', text: 'Significant decrease' };
}

function significanceCell(row: AreaChangeRow): HTMLTableCellElement {
  const { mark, text } = significance(row);
  const td = document.createElement('td');
  td.className = row.significant ? 'significant' : '';
  if (mark !== '') {
    const symbol = document.createElement('span');
    symbol.setAttribute('aria-hidden', 'true');
    symbol.textContent = `${mark} `;
    td.append(symbol);
  }
  td.append(text);
  if (row.zScore !== null) td.title = `z = ${row.zScore.toFixed(2)}`;
  return td;
}

export function renderChanges(answer: AreaChangesAnswer): void {
  el.changesTitle.textContent = `Biggest increases: ${answer.area.name}, ${monthLabel(answer.period.start)} to ${monthLabel(answer.period.end)}`;
  const rows = answer.rows.map((row) => {
    const tr = document.createElement('tr');
    tr.dataset.category = row.category.code;
    tr.dataset.significant = String(row.significant);
    if (row.percentChange !== null && row.percentChange > 0) tr.classList.add('increase');
    if (!row.complete) tr.classList.add('incomplete');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = row.category.name;
    if (!row.complete) th.append(...incompleteMark());
    tr.append(
      th,
      cell(formatCount(row.volume), 'num'),
      cell(formatCount(row.previousVolume), 'num'),
      cell(formatCount(row.volumeChange), 'num'),
      cell(formatPercent(row.percentChange), 'num'),
      significanceCell(row),
    );
    return tr;
  });
  if (rows.length === 0) {
    rows.push(messageRow(answer.message ?? 'No figures for this area and period.', COLUMNS));
  }
  el.changesBody.replaceChildren(...rows);
  el.changesNote.textContent =
    'Largest % increase first; incomplete rows (†) last, untested. Significance: a Poisson ' +
    'test of the change in volume (|z| ≥ 3 on 2(√current − √previous)), a screen for changes ' +
    'beyond ordinary variation.';
  el.downloadChanges.disabled = answer.rows.length === 0;
}

/** The table shows why there are no changes (or nothing, for an empty message). */
export function renderChangesProblem(message: string): void {
  el.changesBody.replaceChildren(...(message === '' ? [] : [messageRow(message, COLUMNS)]));
  el.downloadChanges.disabled = true;
}
