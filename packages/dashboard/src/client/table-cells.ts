// Cells shared by the comparison table and the changes table.

export function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

/** A row of one cell across the table, for "no figures" and for what went wrong. */
export function messageRow(text: string, columns: number): HTMLTableRowElement {
  const tr = document.createElement('tr');
  const td = cell(text);
  td.colSpan = columns;
  tr.append(td);
  return tr;
}

/** A mark for an incomplete row: a symbol to see and words for a screen reader. */
export function incompleteMark(): HTMLSpanElement[] {
  const mark = document.createElement('span');
  mark.className = 'incomplete-mark';
  mark.title = 'incomplete: a month of this window or the previous one is missing';
  mark.textContent = ' †';
  const words = document.createElement('span');
  words.className = 'visually-hidden';
  words.textContent = ' (incomplete)';
  return [mark, words];
}
