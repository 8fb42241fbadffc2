import type { FiguresUpdated } from '@crimestats/contracts';
import { addMonthsWithin, type CategoryTaxonomy, type Month } from '@crimestats/domain';
import {
  categoriesNeededFor,
  figureComparisons,
  type ComparisonReference,
} from '@crimestats/stats';
import { figureRowsOf, type FigureRow, type Store } from '@crimestats/store';
import { CountGrid } from './count-grid.ts';
import { figureChange } from './figure-rows.ts';
import { StoredFigures } from './stored-figures.ts';
import {
  batches,
  DEFAULT_RECOMPUTE_LIMITS,
  endsPlan,
  forcePlans,
  workUnits,
  type EndsPlan,
  type ForcePlan,
  type RecomputeLimits,
  type WorkUnit,
} from './recompute-plan.ts';
import { inputVersions } from './input-version.ts';
import type { AggregatorReference } from './reference.ts';

export interface RecomputeScope {
  categories: Iterable<string>;
  /** Window length → the period ends to recompute for it. */
  periodEnds: Map<number, Month[]>;
  /** The forces whose areas are compared; the reference's own force unless given. */
  forceCodes?: readonly string[];
}

/** Figure rows to store (every one recomputed), and the changes they make. */
export interface RecomputeResult {
  rows: FigureRow[];
  updates: FiguresUpdated[];
}

/**
 * Recomputes the figures of the given categories, period ends and forces from the stored records,
 * and says which areas' figures changed, in chunks of about `limits.chunkRows` rows. Nothing is
 * written here: the caller publishes each chunk's changes and then stores its rows, so a crash
 * between the two repeats a notice rather than losing one.
 *
 * Memory stays bounded at any scale. The records are read once per window length, a batch of
 * forces at a time and only for their CSP areas, and kept as numbers (CountGrid), not objects.
 * The figures are then computed a unit at a time (a group of categories, or one category over a
 * run of period ends) sized so the stored figures it is compared against fit `limits`, and their
 * rows handed on as they fill a chunk.
 */
export async function* recomputeChunks(
  store: Store,
  reference: AggregatorReference,
  scope: RecomputeScope,
  computedAt: Date,
  limits: RecomputeLimits = DEFAULT_RECOMPUTE_LIMITS,
): AsyncGenerator<RecomputeResult> {
  const categories = [...new Set(scope.categories)];
  if (categories.length === 0) return;
  const forces = forcePlans(reference.areas, scope.forceCodes ?? [reference.forceCode]);
  // Before any data is read, so no row claims a version newer than its data (see inputVersions).
  const versions = await inputVersions(store, forces);
  // The reads a window needs are independent, so they are all under way at once.
  const populations = settledLater(store.populations.appliedTo(reference.populations));
  let chunk: RecomputeResult = { rows: [], updates: [] };
  for (const [months, ends] of scope.periodEnds) {
    const plan = endsPlan(ends, months);
    if (plan === undefined) continue;
    const figureAreas = forces.reduce((sum, force) => sum + force.figureAreas, 0);
    const units = workUnits(categories, plan, figureAreas, limits.existingRows);
    const readExisting = ({ categories: group, ends: unitEnds }: WorkUnit) =>
      store.figureSummaries.readRange({
        categories: group,
        months,
        fromEnd: unitEnds[0]!,
        toEnd: unitEnds[unitEnds.length - 1]!,
      });
    const firstUnit = units[0] === undefined ? undefined : settledLater(readExisting(units[0]));
    const counts = await readCounts(store, reference.categories, forces, categories, plan, limits);
    const context: Context = {
      reference: { ...reference, populations: await populations },
      forces,
      computedAt,
      versions,
    };
    let reading = firstUnit;
    for (const [i, unit] of units.entries()) {
      const rows = reading ? await reading : [];
      // The next unit's stored figures are read while this one is computed: two units' at most
      // are held at once, so the budget still bounds them.
      const next = units[i + 1];
      reading = next === undefined ? undefined : settledLater(readExisting(next));
      const stored = StoredFigures.of(rows);
      for (const computed of recomputeUnit(context, counts, unit, stored, months)) {
        chunk.rows.push(...computed.rows);
        chunk.updates.push(...computed.updates);
        if (chunk.rows.length >= limits.chunkRows) {
          yield chunk;
          chunk = { rows: [], updates: [] };
        }
      }
    }
  }
  if (chunk.rows.length > 0) yield chunk;
}

/** The promise, marked handled: it is awaited later, and may fail before that. */
function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/** Everything at once: recomputeChunks for callers whose scope is small. */
export async function recomputeFigures(
  store: Store,
  reference: AggregatorReference,
  scope: RecomputeScope,
  computedAt: Date,
): Promise<RecomputeResult> {
  const result: RecomputeResult = { rows: [], updates: [] };
  for await (const chunk of recomputeChunks(store, reference, scope, computedAt)) {
    for (const row of chunk.rows) result.rows.push(row);
    for (const update of chunk.updates) result.updates.push(update);
  }
  return result;
}

interface Context {
  reference: ComparisonReference;
  forces: ForcePlan[];
  computedAt: Date;
  /** Force code → the version its rows are stored with. */
  versions: ReadonlyMap<string, bigint>;
}

/**
 * The counts every category of the scope needs (itself and its descendants) for the forces' CSP
 * areas and the months the period ends read, a batch of forces per query.
 */
async function readCounts(
  store: Store,
  taxonomy: CategoryTaxonomy,
  forces: readonly ForcePlan[],
  categories: readonly string[],
  plan: EndsPlan,
  limits: RecomputeLimits,
): Promise<CountGrid> {
  const needed = [...new Set(categories.flatMap((c) => categoriesNeededFor(c, taxonomy)))];
  // A quarter read at its start month can reach two months past the last end.
  const grid = new CountGrid(plan.fromMonth, addMonthsWithin(plan.last, 2));
  const perArea = needed.length * plan.monthsRead;
  const forceBatches = batches(forces, limits.records, (run) =>
    run.reduce((n, force) => n + force.csps.length * perArea, 0),
  );
  for (const batch of forceBatches) {
    // Every record of an (area, category) comes in the same batch, so taking the best source per
    // month batch by batch chooses as taking it over all the records at once would.
    grid.addSeries(
      await store.monthlyRecords.monthlySeries(
        {
          categories: needed,
          areaCodes: batch.flatMap((force) => force.csps),
          fromMonth: plan.fromMonth,
          toMonth: plan.last,
        },
        taxonomy,
      ),
    );
  }
  return grid;
}

/** One unit of categories and ends for one window length: one result per force and category. */
function* recomputeUnit(
  context: Context,
  counts: CountGrid,
  unit: WorkUnit,
  existing: StoredFigures,
  months: number,
): Generator<RecomputeResult> {
  const { reference, computedAt, forces, versions } = context;
  for (const force of forces) {
    const version = versions.get(force.code)!;
    for (const category of unit.categories) {
      const result: RecomputeResult = { rows: [], updates: [] };
      const comparisons = figureComparisons({
        counts,
        category,
        ends: unit.ends,
        months,
        reference,
        forceCode: force.code,
      });
      for (const comparison of comparisons) {
        const byArea = existing.period(comparison.category.code, comparison.period.end);
        for (const row of figureRowsOf(comparison, computedAt, version)) {
          // Every row is written, changed or not: another instance may store a row computed from
          // less data after the stored rows were read here, and only a row with a higher version
          // replaces it. Writing the same version again changes nothing. Notices are only for
          // what changed (significance is not in a notice).
          const change = figureChange(byArea?.get(row.areaCode), row);
          if (change) result.updates.push(change);
          result.rows.push(row);
        }
      }
      yield result;
    }
  }
}
