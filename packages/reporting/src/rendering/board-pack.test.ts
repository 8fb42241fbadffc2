import {
  PLAN_CATEGORIES,
  defaultCategories,
  defaultReference,
  type Area,
} from '@crimestats/domain';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { areaChangesFromFigures } from '../answers/area-changes.ts';
import { biggestIncreases, type BoardPack } from '../answers/board-pack.ts';
import { comparisonFromFigures } from '../answers/comparison-from-figures.ts';
import { readBoardPack, type BoardPackReads } from '../reads/read-board-pack.ts';
import type { AreaChangesQuery } from '../answers/area-changes.ts';
import type { ComparisonQuery } from '../requests/comparison-query.ts';
import {
  comparisonHeader,
  expectedComparisonCells,
  expectedIncreaseCells,
  packTable,
  readPackWorkbook,
  type PackCell,
} from '../testing/board-pack-cells.ts';
import { planFigureRows } from '../testing/plan-figures.ts';
import { boardPackFilename, renderBoardPack } from './board-pack.ts';

const basis = { latestMonth: '2025-12', loadedAt: '2026-01-15T09:30:00.000Z', complete: true };
const csps = defaultReference.areas.cspAreas();

const named =
  (name: string) =>
  (row: readonly PackCell[]): boolean =>
    row[0] !== null && row[0] !== undefined && 'text' in row[0] && row[0].text === name;

// The plan's figures for 2024-12 and 2025-12 only, as a store holding them would answer.
function planReads(): BoardPackReads {
  const figures = (periodEnd: string, months: number) =>
    months === 12 && ['2024-12', '2025-12'].includes(periodEnd)
      ? PLAN_CATEGORIES.flatMap(({ code }) => planFigureRows(code, periodEnd))
      : [];
  return {
    comparison: async (query: ComparisonQuery) => {
      const rows = figures(query.periodEnd, query.months).filter(
        (row) => row.category === query.category,
      );
      const answer = comparisonFromFigures(query, rows, defaultReference, basis);
      return rows.length > 0
        ? { ...answer, basis }
        : { ...answer, basis: { ...basis, complete: false }, message: 'no figures (test)' };
    },
    changes: async (query: AreaChangesQuery, area: Area) =>
      areaChangesFromFigures(
        query,
        area,
        figures(query.periodEnd, query.months).filter((row) => row.areaCode === area.code),
        defaultCategories,
        basis,
      ),
  };
}

async function packFor(periodEnd: string): Promise<{ pack: BoardPack; book: ExcelJS.Workbook }> {
  const pack = await readBoardPack(planReads(), { periodEnd, months: 12 }, csps);
  return { pack, book: await readPackWorkbook(await renderBoardPack(pack)) };
}

describe('the Board pack workbook', () => {
  it('has the contents, one sheet per plan category, the area changes and the notes', async () => {
    const { book } = await packFor('2025-12');
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Contents',
      'Total crime',
      'Anti-social behaviour',
      'Business burglary',
      'Theft of motor vehicle',
      'Area changes',
      'Notes',
    ]);
    expect(boardPackFilename({ periodEnd: '2025-12', months: 12 })).toBe(
      'board-pack-2025-12-12m.xlsx',
    );
  });

  it("holds each comparison answer's numbers, unrounded, with the plan's number formats", async () => {
    const { pack, book } = await packFor('2025-12');
    for (const [at, { category, answer }] of pack.comparisons.entries()) {
      expect(category.code).toBe(PLAN_CATEGORIES[at]?.code);
      const sheet = book.getWorksheet(category.shortTitle)!;
      const table = packTable(sheet, 10);
      expect(table.frozenRows).toBe(5);
      expect(table.header).toEqual(comparisonHeader(12));
      expect(table.rows).toEqual(expectedComparisonCells(answer.rows));
      expect(table.rows).toHaveLength(11);
      expect(sheet.getRow(5).getCell(1).font?.bold).toBe(true);
      expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual('North East Derbyshire'.length);
    }
    const total = book.getWorksheet('Total crime')!;
    expect(total.getCell('A1').text).toBe('Total recorded crime, Jan 2025 – Dec 2025 (12 months)');
    // South Derbyshire, as the plan prints it: 6,267 at 58.76 per 1,000, ranked 6th.
    const south = packTable(total, 10).rows.find(named('South Derbyshire'));
    expect(south?.slice(1, 4)).toEqual([
      { number: 6267, numFmt: '#,##0' },
      { number: expect.closeTo(58.7601, 4), numFmt: '0.00' },
      { number: 6, numFmt: '0' },
    ]);
  });

  it("lists each CSP area's biggest increases from its changes answer", async () => {
    const { pack, book } = await packFor('2025-12');
    const table = packTable(book.getWorksheet('Area changes')!, 10);
    expect(table.frozenRows).toBe(4);
    expect(table.header.slice(0, 3)).toEqual(['Area', 'Category', 'Volume (last 12 months)']);
    const expected = pack.areaChanges.flatMap((answer) =>
      biggestIncreases(answer).map((row) => expectedIncreaseCells(answer.area.name, row)),
    );
    const increases = table.rows.filter((row) => row[2] !== null);
    expect(increases).toEqual(expected);
    expect(table.rows.find(named('South Derbyshire'))).toEqual(
      expectedIncreaseCells(
        'South Derbyshire',
        pack.areaChanges.find((answer) => answer.area.code === 'E07000039')!.rows[0]!,
      ),
    );
  });

  it('says what the figures rest on and how they are computed', async () => {
    const { book } = await packFor('2025-12');
    const contents = book.getWorksheet('Contents')!;
    const text = (sheet: ExcelJS.Worksheet) =>
      sheet
        .getSheetValues()
        .flat()
        .map((value) => JSON.stringify(value))
        .join('\n');
    expect(text(contents)).toContain('Jan 2025 – Dec 2025 (12 months)');
    expect(text(contents)).toContain('Dec 2025');
    expect(text(contents)).toContain('2026-01-15 09:30 UTC');
    const link = (contents.getColumn(1).values ?? []).find(
      (value) => typeof value === 'object' && value !== null && 'hyperlink' in value,
    );
    expect(link).toEqual({ text: 'Total crime', hyperlink: "#'Total crime'!A1" });
    const notes = text(book.getWorksheet('Notes')!);
    expect(notes).toContain('|z| ≥ 3');
    expect(notes).toContain('Volume × 1,000 ÷ population');
  });

  it('is built with empty tables and the reason for a period with no figures', async () => {
    const { pack, book } = await packFor('2026-06');
    expect(pack.message).toBe('no figures (test)');
    for (const category of PLAN_CATEGORIES) {
      const table = packTable(book.getWorksheet(category.shortTitle)!, 10);
      expect(table.rows).toEqual([]);
    }
    const contents = book.getWorksheet('Contents')!;
    expect(JSON.stringify(contents.getSheetValues())).toContain('no figures (test)');
  });
});
