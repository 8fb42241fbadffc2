import { type Comparison } from './comparison-rows.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAreasSeries } from './comparison-series.ts';
import { compareAreas, type ComparisonRequest } from './comparison.ts';
import { CountIndex } from './count-index.ts';
import {
  categoryArb,
  endsArb,
  MAIN_FORCE,
  OTHER_FORCE,
  worldArb,
} from './testing/arbitrary-world.ts';

type Outcome = { value: Comparison[] } | { error: string };

function outcome(run: () => Comparison[]): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    return { error: String(error) };
  }
}

/** What the generated cases covered, so a weak generator cannot pass the property vacuously. */
const seen = {
  cases: 0,
  errors: 0,
  sharedRanks: 0,
  completeRows: 0,
  incompleteRows: 0,
  noPrevious: 0,
  zeroPrevious: 0,
  noPopulation: 0,
  rollupRows: 0,
  suppliedParent: 0,
};

function tally(world: { counts: { category: string }[] }, result: Outcome): void {
  seen.cases += 1;
  if ('error' in result) {
    seen.errors += 1;
    return;
  }
  if (world.counts.some((c) => c.category === 'total' || c.category === 'burglary')) {
    seen.suppliedParent += 1;
  }
  for (const comparison of result.value) {
    const ranks = comparison.rows.map((row) => row.rank).filter((rank) => rank !== null);
    if (new Set(ranks).size < ranks.length) seen.sharedRanks += 1;
    for (const row of comparison.rows) {
      if (row.complete) seen.completeRows += 1;
      else seen.incompleteRows += 1;
      if (row.previousVolume === null) seen.noPrevious += 1;
      if (row.previousVolume === 0) seen.zeroPrevious += 1;
      if (row.population === null) seen.noPopulation += 1;
      if (row.area.kind !== 'csp') seen.rollupRows += 1;
    }
  }
}

describe('compareAreasSeries equals compareAreas, end by end', () => {
  it('on random reference data and counts: every field, rank, flag and row order', () => {
    fc.assert(
      fc.property(
        worldArb,
        categoryArb,
        endsArb,
        fc.integer({ min: 1, max: 13 }),
        fc.constantFrom(undefined, MAIN_FORCE, OTHER_FORCE),
        fc.constantFrom(undefined, null, 0, 1, 2, 3),
        fc.constantFrom('records', 'index', 'lookup'),
        (world, category, ends, months, forceCode, rankDecimals, given) => {
          const base: Omit<ComparisonRequest, 'end'> = {
            counts: world.counts,
            category,
            months,
            reference: world.reference,
            ...(forceCode === undefined ? {} : { forceCode }),
            ...(rankDecimals === undefined ? {} : { rankDecimals }),
          };
          const expected = outcome(() => ends.map((end) => compareAreas({ ...base, end })));
          const index = CountIndex.fromRecords(world.counts);
          const counts =
            given === 'records'
              ? world.counts
              : given === 'index'
                ? index
                : { get: index.get.bind(index) };
          const actual = outcome(() => compareAreasSeries({ ...base, counts, ends }));
          tally(world, expected);
          // Strict: numbers compare with Object.is, key order and undefined properties count.
          expect(actual).toStrictEqual(expected);
          if ('value' in actual && 'value' in expected) {
            actual.value.forEach((comparison, i) =>
              expect(JSON.stringify(comparison)).toBe(JSON.stringify(expected.value[i])),
            );
          }
        },
      ),
      { numRuns: 400 },
    );
    for (const [what, count] of Object.entries(seen)) {
      expect(count, `cases with ${what}`).toBeGreaterThan(0);
    }
    // About 3 s alone; a loaded machine running the other tests beside it can double that.
  }, 30_000);
});
