import type { MonthlyRecord, PopulationRecord } from '@crimestats/contracts';
import { addMonths, parseMonth, type Month } from '@crimestats/domain';
import type { Store } from '@crimestats/store';
import type { Logger } from 'pino';
import { affectedCategories, affectedPeriodEnds, allPeriodEnds } from './affected-periods.ts';
import { ForceLocks } from './force-locks.ts';
import { recomputeChunks, type RecomputeScope } from './recompute.ts';
import { DEFAULT_RECOMPUTE_LIMITS, type RecomputeLimits } from './recompute-plan.ts';
import type { AggregatorReference } from './reference.ts';
import type { FiguresUpdatesSink } from './updates-sink.ts';

export interface ProcessResult {
  records: number;
  figures: number;
  updates: number;
  recomputeMs: number;
}

export interface RecomputeAllOptions {
  /**
   * The forces to recompute, for a reference holding several (say, every force of a national
   * reference); the reference's own force unless given.
   */
  forceCodes?: readonly string[];
  /** How much one recompute may hold at once. */
  limits?: Partial<RecomputeLimits>;
}

export interface RecordProcessorOptions {
  store: Store;
  reference: AggregatorReference;
  /** Window lengths figures are kept for, e.g. [12]. */
  windows: number[];
  updates: FiguresUpdatesSink;
  logger: Logger;
  clock?: () => Date;
}

/**
 * Turns monthly records into stored figures: stores the records (idempotent: the latest revision
 * wins), recomputes every period the changed months touch, publishes what changed, then stores the
 * figures. Each step can be repeated safely, so a batch can be retried or replayed after a crash.
 *
 * A recompute covers whole forces (those of the batch's areas), and recomputes of one force never
 * run at once in this process, whichever topic their batches came from.
 */
export class RecordProcessor {
  readonly #o: RecordProcessorOptions;
  readonly #clock: () => Date;
  readonly #locks = new ForceLocks();

  constructor(options: RecordProcessorOptions) {
    this.#o = options;
    this.#clock = options.clock ?? (() => new Date());
  }

  async processRecords(records: MonthlyRecord[]): Promise<ProcessResult> {
    if (records.length === 0) return { records: 0, figures: 0, updates: 0, recomputeMs: 0 };
    const { store, reference } = this.#o;
    await store.monthlyRecords.insert(records);
    const touched = new Set<Month>();
    for (const r of records) {
      for (let i = 0; i < r.months; i++) touched.add(addMonths(parseMonth(r.month), i));
    }
    const categories = affectedCategories(
      records.map((r) => r.category),
      reference.categories,
    );
    const forceCodes = this.#forcesOf(records);
    const recomputed = await this.#locks.run(forceCodes, async () => {
      const range = await store.monthlyRecords.monthRange();
      if (!range) return { figures: 0, updates: 0, recomputeMs: 0 };
      const periodEnds = new Map(
        this.#o.windows.map((n) => [n, affectedPeriodEnds(touched, n, range)]),
      );
      return this.#recompute({ categories, periodEnds, forceCodes });
    });
    // Last, so a load on record is one whose figures are stored: a failed write before it (a full
    // disk) leaves no load, and a replay after a crash records it then.
    await this.#recordLoads(records);
    return { records: records.length, ...recomputed };
  }

  /** New populations change rates everywhere they apply, so their forces' figures are recomputed. */
  async processPopulations(records: PopulationRecord[]): Promise<ProcessResult> {
    if (records.length === 0) return { records: 0, figures: 0, updates: 0, recomputeMs: 0 };
    await this.#o.store.populations.insert(records);
    const recomputed = await this.recomputeAll({ forceCodes: this.#forcesOf(records) });
    return { records: records.length, ...recomputed };
  }

  /** Every category, window and period end with data: the backfill after a change of method. */
  async recomputeAll(options: RecomputeAllOptions = {}): Promise<Omit<ProcessResult, 'records'>> {
    const forceCodes = options.forceCodes ?? [this.#o.reference.forceCode];
    return this.#locks.run(forceCodes, async () => {
      const range = await this.#o.store.monthlyRecords.monthRange();
      if (!range) return { figures: 0, updates: 0, recomputeMs: 0 };
      const ends = allPeriodEnds(range);
      const scope: RecomputeScope = {
        categories: this.#o.reference.categories.all().map((c) => c.code),
        periodEnds: new Map(this.#o.windows.map((n) => [n, ends])),
        forceCodes,
      };
      return this.#recompute(scope, { ...DEFAULT_RECOMPUTE_LIMITS, ...options.limits });
    });
  }

  /**
   * The forces whose figures the areas' data feeds, in the reference; the reference's own force
   * for areas no force covers (none, once admission has refused unknown areas).
   */
  #forcesOf(data: readonly { areaCode: string }[]): string[] {
    const { areas, forceCode } = this.#o.reference;
    const codes = new Set<string>();
    for (const { areaCode } of data) {
      const force = areas.forceOf(areaCode);
      if (force !== undefined) codes.add(force.code);
    }
    return codes.size === 0 ? [forceCode] : [...codes];
  }

  /**
   * Recomputes chunk by chunk. Each chunk's changes are published before its rows are stored, so
   * a crash at any point repeats notices on the replay rather than losing them; while a chunk's
   * rows are being inserted, the next chunk is computed.
   */
  async #recompute(
    scope: RecomputeScope,
    limits: RecomputeLimits = DEFAULT_RECOMPUTE_LIMITS,
  ): Promise<Omit<ProcessResult, 'records'>> {
    const started = performance.now();
    const { store, reference, updates: sink } = this.#o;
    let figures = 0;
    let updates = 0;
    let inserting: Promise<void> | undefined;
    try {
      for await (const chunk of recomputeChunks(store, reference, scope, this.#clock(), limits)) {
        await inserting;
        await sink.publish(chunk.updates);
        inserting = store.figures.upsert(chunk.rows);
        // Awaited above or below; this only keeps a failure meanwhile from counting as unhandled.
        inserting.catch(() => {});
        figures += chunk.rows.length;
        updates += chunk.updates.length;
      }
      await inserting;
    } finally {
      await inserting?.catch(() => {});
    }
    const recomputeMs = performance.now() - started;
    this.#o.logger.debug({ figures, updates, recomputeMs }, 'recomputed figures');
    return { figures, updates, recomputeMs };
  }

  async #recordLoads(records: MonthlyRecord[]): Promise<void> {
    const byBatch = new Map<string, MonthlyRecord[]>();
    for (const r of records) {
      const batch = byBatch.get(r.batchId);
      if (batch) batch.push(r);
      else byBatch.set(r.batchId, [r]);
    }
    await this.#o.store.loads.recordAll(
      [...byBatch].map(([batchId, batch]) => {
        const first = batch[0]!;
        const latest = batch.reduce((m, r) => {
          const last = addMonths(parseMonth(r.month), r.months - 1);
          return last > m ? last : m;
        }, '' as string);
        return {
          batchId,
          sourceKind: first.source.kind,
          sourceFile: first.source.file,
          latestMonth: latest,
          rows: 0,
          records: batch.length,
          loadedAt: new Date(first.revision),
        };
      }),
    );
  }
}
