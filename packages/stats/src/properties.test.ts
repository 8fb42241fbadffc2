import { type ComparisonRow } from './comparison-rows.ts';
import { addMonths, defaultReference, parseMonth, type MonthlyCount } from '@crimestats/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAreas } from './comparison.ts';
import { competitionRanks } from './ranking.ts';
import { ratePer1000 } from './rates.ts';
import { roundRate } from './rounding.ts';

const FIRST = parseMonth('2023-01');
const SPAN = 48;
const cspCodes = defaultReference.areas.cspAreas().map((area) => area.code);

/** Per CSP, SPAN months of counts, some months missing (null). */
const arbitraryCounts = fc
  .array(fc.array(fc.option(fc.nat(500), { freq: 8 }), { minLength: SPAN, maxLength: SPAN }), {
    minLength: cspCodes.length,
    maxLength: cspCodes.length,
  })
  .map((perArea) =>
    perArea.flatMap((months, areaPosition) =>
      months.flatMap((count, offset): MonthlyCount[] =>
        count === null
          ? []
          : [
              {
                areaCode: cspCodes[areaPosition] ?? '',
                category: 'shoplifting',
                month: addMonths(FIRST, offset),
                count,
              },
            ],
      ),
    ),
  );

function compare(counts: MonthlyCount[], endOffset: number, months: number): ComparisonRow[] {
  return compareAreas({
    counts,
    category: 'shoplifting',
    end: addMonths(FIRST, endOffset),
    months,
    reference: defaultReference,
  }).rows;
}

const byCode = (rows: ComparisonRow[]) => new Map(rows.map((row) => [row.area.code, row]));

describe('properties', () => {
  it('a rollup equals the sum of its members', () => {
    fc.assert(
      fc.property(arbitraryCounts, fc.integer({ min: 0, max: SPAN - 1 }), (counts, endOffset) => {
        const rows = byCode(compare(counts, endOffset, 12));
        for (const rollup of defaultReference.areas.rollups()) {
          const members = defaultReference.areas
            .cspMembersOf(rollup.code)
            .map((area) => rows.get(area.code) as ComparisonRow);
          const row = rows.get(rollup.code) as ComparisonRow;
          const sum = (values: (number | null)[]) =>
            values.reduce<number>((a, b) => a + (b ?? 0), 0);
          expect(row.volume).toBe(sum(members.map((member) => member.volume)));
          const previous = members.map((member) => member.previousVolume);
          expect(row.previousVolume).toBe(
            previous.every((value) => value === null) ? null : sum(previous),
          );
          expect(row.complete).toBe(members.every((member) => member.complete));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a window shifted by its length turns "current" into "previous"', () => {
    fc.assert(
      fc.property(
        arbitraryCounts,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: SPAN - 13 }),
        (counts, months, endOffset) => {
          const before = byCode(compare(counts, endOffset, months));
          const after = byCode(compare(counts, endOffset + months, months));
          for (const [code, row] of before) {
            const shifted = after.get(code) as ComparisonRow;
            const hadData = counts.some(
              (record) =>
                cspCodesOf(code).includes(record.areaCode) &&
                record.month >= addMonths(FIRST, endOffset - months + 1) &&
                record.month <= addMonths(FIRST, endOffset),
            );
            expect(shifted.previousVolume).toBe(hadData ? row.volume : null);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a rate is unchanged when volume and population are scaled together', () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (volume, population, factor) => {
          const rate = ratePer1000(volume, population) as number;
          const scaled = ratePer1000(volume * factor, population * factor) as number;
          expect(Math.abs(scaled - rate)).toBeLessThanOrEqual(Math.abs(rate) * 1e-12);
        },
      ),
    );
  });

  it('ranks are a competition ranking: tied values share, the next rank skips', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { freq: 6 })), (values) => {
        const ranks = competitionRanks(values);
        const ranked = values
          .map((value, position) => ({ value, rank: ranks[position] ?? null }))
          .filter((entry): entry is { value: number; rank: number } => entry.value !== null)
          .sort((a, b) => a.rank - b.rank);
        ranked.forEach((entry, position) => {
          const previous = ranked[position - 1];
          if (previous !== undefined && previous.value === entry.value) {
            expect(entry.rank).toBe(previous.rank);
          } else {
            expect(entry.rank).toBe(position + 1);
            if (previous !== undefined) expect(entry.value).toBeLessThan(previous.value);
          }
        });
        values.forEach((value, position) => {
          if (value === null) expect(ranks[position]).toBeNull();
        });
      }),
    );
  });

  it('the comparison ranks each CSP area once, in order of published rate', () => {
    fc.assert(
      fc.property(arbitraryCounts, fc.integer({ min: 0, max: SPAN - 1 }), (counts, endOffset) => {
        const cspRows = compare(counts, endOffset, 12).filter((row) => row.area.kind === 'csp');
        expect(cspRows.map((row) => row.area.code).sort()).toEqual([...cspCodes].sort());
        cspRows.forEach((row, position) => {
          const previous = cspRows[position - 1];
          const rate = roundRate(row.ratePer1000 as number);
          if (previous !== undefined && roundRate(previous.ratePer1000 as number) === rate) {
            expect(row.rank).toBe(previous.rank);
          } else {
            expect(row.rank).toBe(position + 1);
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});

function cspCodesOf(code: string): string[] {
  return defaultReference.areas.cspMembersOf(code).map((area) => area.code);
}
