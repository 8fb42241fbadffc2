import {
  AreaKindSchema,
  AreaCodeSchema,
  CategoryCodeSchema,
  MonthSchema,
} from '@crimestats/domain';
import { z } from 'zod';

const count = z.number().int().nonnegative();

/**
 * One area's row of the contract's comparison answer. The keys are listed in the contract's
 * order, and parsing rebuilds the object in shape order, so JSON output keeps that order.
 */
export const ComparisonAnswerRowSchema = z.object({
  area: z.object({ code: AreaCodeSchema, name: z.string().min(1), kind: AreaKindSchema }),
  volume: count,
  /** Null only when the reference data has no population for the area; the rate is then null. */
  population: count.nullable(),
  ratePer1000: z.number().nonnegative().nullable(),
  /** 1 for the highest rate; ties share; null for the rollups (and a CSP with no rate). */
  rank: z.number().int().positive().nullable(),
  previousVolume: count.nullable(),
  volumeChange: z.number().int().nullable(),
  percentChange: z.number().nullable(),
  complete: z.boolean(),
  // Beyond the contract's listed fields (extra fields are allowed): the Poisson test of the
  // change, so a reader can tell a real shift from noise. Optional so that an answer built
  // without it still validates.
  zScore: z.number().nullable().optional(),
  significant: z.boolean().nullable().optional(),
  /** The national table's (`force=all`) rows only: the force the area is in. */
  force: z.object({ code: AreaCodeSchema, name: z.string().min(1) }).optional(),
});
export type ComparisonAnswerRow = z.infer<typeof ComparisonAnswerRowSchema>;

/** Which loaded data an answer rests on, so a reader can tell stale figures from fresh ones. */
export const AnswerBasisSchema = z.object({
  /** The newest month with data in the answer's areas, whatever order files came in; else null. */
  latestMonth: MonthSchema.nullable(),
  /** When the latest load touching the answer's windows was made (ISO 8601, UTC); else null. */
  loadedAt: z.iso.datetime().nullable(),
  /** True when the answer has rows and none of them misses a month of either window. */
  complete: z.boolean(),
});
export type AnswerBasis = z.infer<typeof AnswerBasisSchema>;

/** The contract's comparison answer (`report compare --format json`, `GET /v1/comparisons`). */
export const ComparisonAnswerSchema = z.object({
  category: z.object({ code: CategoryCodeSchema, name: z.string().min(1) }),
  period: z.object({
    start: MonthSchema,
    end: MonthSchema,
    months: z.number().int().positive(),
  }),
  /**
   * CSP areas by rank, then the county rollups, then the force; empty when nothing is computed.
   * The national table (`force=all`): every loaded force's CSP areas ranked together, then each
   * force's row (no county rows).
   */
  rows: z.array(ComparisonAnswerRowSchema),
  basis: AnswerBasisSchema.optional(),
});
export type ComparisonAnswer = z.infer<typeof ComparisonAnswerSchema>;
