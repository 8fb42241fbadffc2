import {
  AreaCodeSchema,
  CategoryCodeSchema,
  CountSchema,
  LAST_YEAR,
  MonthSchema,
  isMonth,
  monthParts,
} from '@crimestats/domain';
import { z } from 'zod';

/** The kinds of file a record can come from; part of the record's identity in the store. */
export const SourceKindSchema = z.enum(['police-uk', 'monthly-counts', 'home-office-csp']);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/**
 * One count of crimes of one category in one area over one span of months, as published to the
 * records topic. Police.uk and monthly-count records span one month; Home Office CSP tables are
 * quarterly and keep their quarter as a three-month span starting at `month`.
 *
 * The latest `revision` wins per (source kind, area, category, month), so a corrected re-issue of a
 * month replaces the earlier one, and loading the same file again changes no figure.
 */
export const MonthlyRecordSchema = z
  .object({
    areaCode: AreaCodeSchema,
    category: CategoryCodeSchema,
    month: MonthSchema,
    /** 1 for a month, 3 for a quarter. */
    months: z.union([z.literal(1), z.literal(3)]),
    count: CountSchema,
    source: z.object({
      kind: SourceKindSchema,
      /** The file's name as loaded (no folders), for tracing a figure back to its input. */
      file: z.string().min(1),
    }),
    /** Milliseconds since the epoch when the batch was made: later loads win. */
    revision: z.number().int().positive(),
    batchId: z.string().uuid(),
  })
  .superRefine((record, ctx) => {
    // Every month a record spans is counted in windows, so it must be a month too. (Zod runs this
    // even when `month` has failed, so a bad month is left to its own issue.)
    if (!isMonth(record.month)) return;
    const { year, month } = monthParts(record.month);
    if (year === LAST_YEAR && month + record.months - 1 > 12) {
      ctx.addIssue({
        code: 'custom',
        path: ['months'],
        message: `a span starting ${record.month} runs past ${LAST_YEAR}-12`,
      });
    }
  });
export type MonthlyRecord = z.infer<typeof MonthlyRecordSchema>;
