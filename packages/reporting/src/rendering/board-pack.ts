import { monthLabel, monthsLabel, periodLabel, previousWindow } from '@crimestats/domain';
import { SIGNIFICANCE_THRESHOLD } from '@crimestats/stats';
import ExcelJS from 'exceljs';
import { basisNote, loadedAtLabel } from '../answers/answer-notes.ts';
import type { AreaChangeRow } from '../answers/area-changes.ts';
import {
  biggestIncreases,
  PACK_INCREASES_PER_AREA,
  type BoardPack,
  type BoardPackQuery,
} from '../answers/board-pack.ts';
import type { ComparisonAnswerRow } from '../answers/comparison-answer.ts';
import type { ComparisonResponse } from '../reads/comparison-response.ts';
import { comparisonTitle } from './render-table.ts';
import {
  NUMBER_FORMATS,
  sheetLink,
  writeLabelledLines,
  writeTableSheet,
  type SheetColumn,
} from './board-pack-sheets.ts';

export const BOARD_PACK_MEDIA_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const CONTENTS_SHEET = 'Contents';
export const AREA_CHANGES_SHEET = 'Area changes';
export const NOTES_SHEET = 'Notes';

/** "board-pack-2025-12-12m.xlsx", as the API names the download. */
export function boardPackFilename(query: BoardPackQuery): string {
  return `board-pack-${query.periodEnd}-${query.months}m.xlsx`;
}

const yesNo = (value: boolean | null | undefined): string | null =>
  value == null ? null : value ? 'yes' : 'no';

// The plan's table, then the significance test and whether every month was there.
function comparisonColumns(months: number): SheetColumn<ComparisonAnswerRow>[] {
  return [
    { header: 'Area', value: (row) => row.area.name },
    {
      header: `Volume (last ${monthsLabel(months)})`,
      numFmt: NUMBER_FORMATS.volume,
      value: (row) => row.volume,
    },
    { header: 'Rate per 1,000', numFmt: NUMBER_FORMATS.rate, value: (row) => row.ratePer1000 },
    { header: 'Rank', numFmt: NUMBER_FORMATS.rank, value: (row) => row.rank },
    {
      header: `Previous ${monthsLabel(months)} volume`,
      numFmt: NUMBER_FORMATS.volume,
      value: (row) => row.previousVolume,
    },
    { header: 'Volume change', numFmt: NUMBER_FORMATS.volume, value: (row) => row.volumeChange },
    { header: '% change', numFmt: NUMBER_FORMATS.percent, value: (row) => row.percentChange },
    { header: 'z-score', numFmt: NUMBER_FORMATS.zScore, value: (row) => row.zScore ?? null },
    { header: 'Significant', value: (row) => yesNo(row.significant) },
    { header: 'Complete', value: (row) => yesNo(row.complete) },
  ];
}

interface IncreaseRow {
  area: string;
  row: AreaChangeRow | undefined;
}

function increaseColumns(months: number): SheetColumn<IncreaseRow>[] {
  const of =
    (pick: (row: AreaChangeRow) => number | string | null) =>
    ({ row }: IncreaseRow) =>
      row === undefined ? null : pick(row);
  return [
    { header: 'Area', value: ({ area }) => area },
    {
      header: 'Category',
      value: ({ row }) => row?.category.name ?? 'no category rose',
    },
    {
      header: `Volume (last ${monthsLabel(months)})`,
      numFmt: NUMBER_FORMATS.volume,
      value: of((row) => row.volume),
    },
    {
      header: `Previous ${monthsLabel(months)} volume`,
      numFmt: NUMBER_FORMATS.volume,
      value: of((row) => row.previousVolume),
    },
    {
      header: 'Volume change',
      numFmt: NUMBER_FORMATS.volume,
      value: of((row) => row.volumeChange),
    },
    { header: '% change', numFmt: NUMBER_FORMATS.percent, value: of((row) => row.percentChange) },
    { header: 'z-score', numFmt: NUMBER_FORMATS.zScore, value: of((row) => row.zScore) },
    { header: 'Significant', value: of((row) => yesNo(row.significant)) },
    { header: 'Rate per 1,000', numFmt: NUMBER_FORMATS.rate, value: of((row) => row.ratePer1000) },
    { header: 'Rank', numFmt: NUMBER_FORMATS.rank, value: of((row) => row.rank) },
  ];
}

function comparisonNotes(answer: ComparisonResponse): string[] {
  const notes: string[] = [];
  if (answer.message !== undefined) notes.push(`No figures: ${answer.message}.`);
  if (answer.rows.some((row) => !row.complete)) {
    notes.push(
      `Complete "no": a month of this period or the ${monthsLabel(answer.period.months)} ` +
        'before is missing for that area, so its change is not tested.',
    );
  }
  notes.push(
    'The County Council and Force area rows are the sums of their districts and are not ranked. ' +
      `Significant: the Poisson z-score is at least ${SIGNIFICANCE_THRESHOLD} either way. ` +
      `See ${NOTES_SHEET}.`,
  );
  return notes;
}

const comparedWith = (pack: BoardPack): string =>
  `Compared with ${periodLabel(previousWindow(pack.period))}.`;

function addContents(workbook: ExcelJS.Workbook, pack: BoardPack): void {
  const sheet = workbook.addWorksheet(CONTENTS_SHEET);
  sheet.getCell('A1').value = 'Safer Communities Board pack';
  sheet.getCell('A1').font = { bold: true, size: 16 };
  const { basis } = pack;
  const facts: [string, string][] = [
    ['Period', periodLabel(pack.period)],
    ['Compared with', periodLabel(previousWindow(pack.period))],
    ['Latest month', basis.latestMonth === null ? 'none' : monthLabel(basis.latestMonth)],
    ['Loaded at', basis.loadedAt === null ? 'no load' : loadedAtLabel(basis.loadedAt)],
    ['Complete', basis.complete ? 'yes' : 'no: see the tables'],
  ];
  if (pack.message !== undefined) facts.push(['No figures', pack.message]);
  writeLabelledLines(sheet, 3, facts);
  const listFrom = 3 + facts.length + 1;
  sheet.getCell(listFrom, 1).value = 'Sheets';
  sheet.getCell(listFrom, 1).font = { bold: true };
  const sheets: [string, string][] = [
    ...pack.comparisons.map(({ category, answer }): [string, string] => [
      category.shortTitle,
      `${answer.category.name}: the CSP areas ranked by rate, then the County Council and Force areas`,
    ]),
    [AREA_CHANGES_SHEET, `Each CSP area's biggest increases (up to ${PACK_INCREASES_PER_AREA})`],
    [NOTES_SHEET, 'What the figures rest on and how they are computed'],
  ];
  sheets.forEach(([name, about], at) => {
    const row = sheet.getRow(listFrom + 1 + at);
    row.getCell(1).value = { text: name, hyperlink: sheetLink(name) };
    row.getCell(1).font = { color: { argb: 'FF0563C1' }, underline: true };
    row.getCell(2).value = about;
  });
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 90;
}

function addComparison(
  workbook: ExcelJS.Workbook,
  pack: BoardPack,
  { category, answer }: BoardPack['comparisons'][number],
): void {
  writeTableSheet(workbook.addWorksheet(category.shortTitle), {
    title: comparisonTitle(answer),
    lines: [comparedWith(pack), basisNote(answer.basis) ?? 'No load has touched this period.'],
    columns: comparisonColumns(answer.period.months),
    rows: answer.rows,
    notes: comparisonNotes(answer),
  });
}

function addAreaChanges(workbook: ExcelJS.Workbook, pack: BoardPack): void {
  const rows = pack.areaChanges.flatMap((answer): IncreaseRow[] => {
    const increases = biggestIncreases(answer);
    return increases.length === 0
      ? [{ area: answer.area.name, row: undefined }]
      : increases.map((row) => ({ area: answer.area.name, row }));
  });
  writeTableSheet(workbook.addWorksheet(AREA_CHANGES_SHEET), {
    title: `Biggest increases by CSP area, ${periodLabel(pack.period)}`,
    lines: [
      `${comparedWith(pack)} Each area's categories with the largest % increase, up to ` +
        `${PACK_INCREASES_PER_AREA}, complete figures only.`,
    ],
    columns: increaseColumns(pack.period.months),
    rows,
    notes: [
      'Categories overlap (a parent such as Theft offences includes its children). Rank is the ' +
        "area's rank by rate among the CSP areas for that category.",
    ],
  });
}

function addNotes(workbook: ExcelJS.Workbook, pack: BoardPack): void {
  const sheet = workbook.addWorksheet(NOTES_SHEET);
  sheet.getCell('A1').value = 'Notes';
  sheet.getCell('A1').font = { bold: true, size: 14 };
  const months = monthsLabel(pack.period.months);
  const { basis } = pack;
  writeLabelledLines(sheet, 3, [
    [
      'Data basis',
      `${periodLabel(pack.period)}, compared with ${periodLabel(previousWindow(pack.period))}. ` +
        (basis.latestMonth === null
          ? 'No data has been loaded for these areas. '
          : `Data to ${monthLabel(basis.latestMonth)} (the newest month loaded for the CSP areas). `) +
        (basis.loadedAt === null
          ? ''
          : `The latest load touching these windows was made ${loadedAtLabel(basis.loadedAt)}. `) +
        (basis.complete
          ? 'Every figure has all its months.'
          : 'Some figures miss a month: see Complete in the tables.'),
    ],
    [
      'Source',
      'Each category sheet is the comparison answer of the reporting API (GET /v1/comparisons, ' +
        '`crimestats report compare`) and Area changes the area changes answer ' +
        '(GET /v1/areas/{code}/changes, `crimestats report changes`): the same figures as the ' +
        'dashboard.',
    ],
    ['Volume', `The sum of the area's monthly counts over the ${months} ending at the period end.`],
    [
      'Previous volume',
      `The same over the ${months} before; empty when none of those months has data.`,
    ],
    [
      'Volume change, % change',
      'Volume − previous volume, and (volume − previous volume) × 100 ÷ previous volume; ' +
        'empty when there is no previous volume (% change also when it is zero).',
    ],
    [
      'Rate per 1,000',
      "Volume × 1,000 ÷ population, with the population of the period end's year (else the " +
        'nearest earlier year, else the nearest later one); empty when no population is known.',
    ],
    [
      'Rank',
      'The nine CSP areas by rate, highest first (1); areas whose rates are equal to two ' +
        'decimals share a rank (1, 2, 2, 4). The County Council and Force areas are not ranked.',
    ],
    [
      'County Council and Force areas',
      "The sums of their member districts' counts: the County Council area is the eight " +
        'districts other than Derby City; the Force area is the County Council area and Derby City.',
    ],
    [
      'Complete',
      'No when any month of either window has no record for the area (an explicit zero counts ' +
        'as a record), or a parent category is derived from children of which some have none.',
    ],
    [
      'Significance',
      'The Poisson z-score z = 2(√volume − √previous volume); significant when |z| ≥ ' +
        `${SIGNIFICANCE_THRESHOLD}, roughly a 2.1 standard-deviation change (p ≈ 0.03): a screen ` +
        'for changes worth a look rather than a formal test. Computed only when both windows are ' +
        'complete; otherwise empty.',
    ],
    [
      'Numbers',
      'Cells hold the unrounded figures, as the API gives them; their formats show them as the ' +
        'plan prints them (volumes in thousands, rates to 2 decimals, % change to 1 decimal). ' +
        'An empty cell is a missing value.',
    ],
  ]);
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 100;
}

/**
 * The Board pack as a workbook: Contents, one sheet per plan category (the plan's table), the
 * CSP areas' biggest increases, and Notes on the method. Only lays out the answers it is given.
 */
export function boardPackWorkbook(pack: BoardPack): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'crimestats';
  workbook.title = `Safer Communities Board pack, ${periodLabel(pack.period)}`;
  addContents(workbook, pack);
  for (const comparison of pack.comparisons) addComparison(workbook, pack, comparison);
  addAreaChanges(workbook, pack);
  addNotes(workbook, pack);
  return workbook;
}

/** The Board pack as the bytes of an .xlsx file. */
export async function renderBoardPack(pack: BoardPack): Promise<Buffer> {
  const bytes = await boardPackWorkbook(pack).xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
