import ExcelJS from 'exceljs';
import type { AreaChangeRow } from '../answers/area-changes.ts';
import type { ComparisonAnswerRow } from '../answers/comparison-answer.ts';

// Reading a Board pack back as a spreadsheet program would, and what its tables should hold,
// written apart from the renderer so that a test compares two independent accounts.

/** One cell as read back: a number keeps its number format; an empty cell is null. */
export type PackCell = { number: number; numFmt: string | undefined } | { text: string } | null;

export interface PackTable {
  /** The frozen rows: the title lines and the header. */
  frozenRows: number | undefined;
  header: string[];
  /** The rows under the header, up to the first row with an empty first cell. */
  rows: PackCell[][];
}

export async function readPackWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function cellOf(cell: ExcelJS.Cell): PackCell {
  if (cell.type === ExcelJS.ValueType.Null) return null;
  if (cell.type === ExcelJS.ValueType.Number) {
    return { number: cell.value as number, numFmt: cell.numFmt };
  }
  return { text: cell.text };
}

/** The table under a sheet's frozen header row. */
export function packTable(sheet: ExcelJS.Worksheet, columns: number): PackTable {
  const view = sheet.views[0];
  const frozenRows = view?.state === 'frozen' ? view.ySplit : undefined;
  const headerRow = frozenRows ?? 1;
  const header = Array.from(
    { length: columns },
    (_, at) => sheet.getRow(headerRow).getCell(at + 1).text,
  );
  const rows: PackCell[][] = [];
  for (let at = headerRow + 1; sheet.getRow(at).getCell(1).type !== ExcelJS.ValueType.Null; at++) {
    const row = sheet.getRow(at);
    rows.push(Array.from({ length: columns }, (_, column) => cellOf(row.getCell(column + 1))));
  }
  return { frozenRows, header, rows };
}

const num = (value: number | null | undefined, numFmt: string): PackCell =>
  value == null ? null : { number: value, numFmt };
const text = (value: string): PackCell => ({ text: value });
const yesNo = (value: boolean | null | undefined): PackCell =>
  value == null ? null : text(value ? 'yes' : 'no');

export const comparisonHeader = (months: number): string[] => [
  'Area',
  `Volume (last ${months} months)`,
  'Rate per 1,000',
  'Rank',
  `Previous ${months} months volume`,
  'Volume change',
  '% change',
  'z-score',
  'Significant',
  'Complete',
];

/** A comparison answer's rows as the pack's plan-category sheet must hold them. */
export function expectedComparisonCells(rows: readonly ComparisonAnswerRow[]): PackCell[][] {
  return rows.map((row) => [
    text(row.area.name),
    num(row.volume, '#,##0'),
    num(row.ratePer1000, '0.00'),
    num(row.rank, '0'),
    num(row.previousVolume, '#,##0'),
    num(row.volumeChange, '#,##0'),
    num(row.percentChange, '0.0'),
    num(row.zScore, '0.00'),
    yesNo(row.significant),
    yesNo(row.complete),
  ]);
}

/** One area's increase as the pack's Area changes sheet must hold it. */
export function expectedIncreaseCells(area: string, row: AreaChangeRow): PackCell[] {
  return [
    text(area),
    text(row.category.name),
    num(row.volume, '#,##0'),
    num(row.previousVolume, '#,##0'),
    num(row.volumeChange, '#,##0'),
    num(row.percentChange, '0.0'),
    num(row.zScore, '0.00'),
    yesNo(row.significant),
    num(row.ratePer1000, '0.00'),
    num(row.rank, '0'),
  ];
}
