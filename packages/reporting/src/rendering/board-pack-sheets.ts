import type ExcelJS from 'exceljs';

// The building blocks of the Board pack's sheets: a titled table whose cells are the answers'
// own numbers, with number formats, so analysts can compute with them; and plain lines of text.

/** Number formats: the plan's rounding is shown, never applied to the stored value. */
export const NUMBER_FORMATS = {
  volume: '#,##0',
  rate: '0.00',
  rank: '0',
  percent: '0.0',
  zScore: '0.00',
} as const;

export type CellValue = number | string | null;

export interface SheetColumn<Row> {
  header: string;
  /** For a numeric column; text columns have none. */
  numFmt?: string;
  value: (row: Row) => CellValue;
}

export interface TableSheet<Row> {
  title: string;
  /** Lines under the title, before the header. */
  lines: readonly string[];
  columns: readonly SheetColumn<Row>[];
  rows: readonly Row[];
  /** Lines after the table. */
  notes: readonly string[];
}

const TITLE_FONT = { bold: true, size: 14 };
const MIN_WIDTH = 8;
const MAX_WIDTH = 48;

/**
 * Writes a table under its title: the header row bold and frozen, so it stays in view as the
 * reader scrolls, columns sized to their contents. A null is an empty cell.
 */
export function writeTableSheet<Row>(sheet: ExcelJS.Worksheet, table: TableSheet<Row>): void {
  sheet.getCell(1, 1).value = table.title;
  sheet.getCell(1, 1).font = TITLE_FONT;
  table.lines.forEach((line, at) => (sheet.getCell(2 + at, 1).value = line));
  const headerRow = table.lines.length + 3;
  const header = sheet.getRow(headerRow);
  // Room for two lines: the headers wrap in columns sized to their numbers.
  header.height = 30;
  table.columns.forEach((column, at) => {
    const cell = header.getCell(at + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'bottom' };
  });
  table.rows.forEach((row, index) => {
    const line = sheet.getRow(headerRow + 1 + index);
    table.columns.forEach((column, at) => {
      const value = column.value(row);
      if (value === null) return;
      const cell = line.getCell(at + 1);
      cell.value = value;
      if (column.numFmt !== undefined) cell.numFmt = column.numFmt;
    });
  });
  const notesFrom = headerRow + table.rows.length + 2;
  table.notes.forEach((note, at) => (sheet.getCell(notesFrom + at, 1).value = note));
  table.columns.forEach((column, at) => {
    sheet.getColumn(at + 1).width = widthOf(column, table.rows);
  });
  sheet.views = [
    { state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` },
  ];
}

// Wide enough for the longest value (numbers as formatted, roughly) and the header's longest
// word, since headers wrap; titles and notes overflow into empty cells and are not counted.
function widthOf<Row>(column: SheetColumn<Row>, rows: readonly Row[]): number {
  const words = column.header.split(' ').map((word) => word.length);
  const values = rows.map((row) => shown(column.value(row)).length);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, ...words, ...values) + 2);
}

function shown(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/** Label and text pairs, one to a row, the label bold and the text wrapped in a wide column. */
export function writeLabelledLines(
  sheet: ExcelJS.Worksheet,
  firstRow: number,
  lines: readonly (readonly [label: string, text: string])[],
): void {
  lines.forEach(([label, text], at) => {
    const row = sheet.getRow(firstRow + at);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).value = text;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
}

/** A sheet name as a link target: quoted, any quote in it doubled. */
export function sheetLink(name: string): string {
  return `#'${name.replaceAll("'", "''")}'!A1`;
}
