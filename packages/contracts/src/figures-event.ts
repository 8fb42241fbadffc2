import { AreaCodeSchema, CategoryCodeSchema, MonthSchema } from '@crimestats/domain';
import { z } from 'zod';

/**
 * One category's new figures in a figures event: the numbers unrounded, as in the comparison
 * answer. `volumeChange` and `percentChange` are null when there is no previous volume.
 */
export const EventCategoryFiguresSchema = z.object({
  code: CategoryCodeSchema,
  name: z.string().min(1),
  volume: z.number().int().nonnegative(),
  ratePer1000: z.number().nullable(),
  rank: z.number().int().nullable(),
  previousVolume: z.number().int().nullable(),
  volumeChange: z.number().int().nullable(),
  percentChange: z.number().nullable(),
  complete: z.boolean(),
  significant: z.boolean().nullable(),
});
export type EventCategoryFigures = z.infer<typeof EventCategoryFiguresSchema>;

export const EventPeriodSchema = z.object({
  period: z.object({ start: MonthSchema, end: MonthSchema, months: z.number().int().positive() }),
  categories: z.array(EventCategoryFiguresSchema),
});
export type EventPeriod = z.infer<typeof EventPeriodSchema>;

/**
 * What changed for one area in one load: every period whose figures moved, newest first, each
 * with the categories that moved. Webhook bodies and the live stream carry it as `data`.
 */
export const FiguresEventDataSchema = z.object({
  area: z.object({ code: AreaCodeSchema, name: z.string().min(1) }),
  periods: z.array(EventPeriodSchema),
  links: z.object({ comparisons: z.string().url(), dashboard: z.string().url() }),
});
export type FiguresEventData = z.infer<typeof FiguresEventDataSchema>;

/** The JSON body of a webhook delivery (Standard Webhooks: `type`, `timestamp`, `data`). */
export const FiguresEventSchema = z.object({
  type: z.enum(['figures.updated', 'ping']),
  timestamp: z.iso.datetime(),
  data: FiguresEventDataSchema,
});
export type FiguresEvent = z.infer<typeof FiguresEventSchema>;
