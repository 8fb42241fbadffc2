import { AreaCodeSchema, CategoryCodeSchema, MonthSchema } from '@crimestats/domain';
import { z } from 'zod';

const Figures = z.object({
  volume: z.number().int().nonnegative(),
  ratePer1000: z.number().nullable(),
  rank: z.number().int().nullable(),
  previousVolume: z.number().int().nullable(),
  percentChange: z.number().nullable(),
  complete: z.boolean(),
  /** Whether the change from the previous window is significant; absent from older notices. */
  significant: z.boolean().nullable().optional(),
});

/**
 * One area's figures for one category, window and period end changed. District CSPs subscribe to
 * these for their own area; `before` is null the first time a period is computed.
 */
export const FiguresUpdatedSchema = z.object({
  areaCode: AreaCodeSchema,
  category: CategoryCodeSchema,
  months: z.number().int().positive(),
  periodEnd: MonthSchema,
  before: Figures.nullable(),
  after: Figures,
  /** The names of the fields of `after` that differ from `before` (all of them when it is new). */
  changed: z.array(z.string()),
  computedAt: z.string().datetime(),
});
export type FiguresUpdated = z.infer<typeof FiguresUpdatedSchema>;
