import { z } from 'zod';
import { AreaCodeSchema } from './area-code.ts';
import { CategoryCodeSchema } from './category-code.ts';
import { MonthSchema } from './month-schema.ts';

/** A number of crimes: a whole number, zero or more. */
export const CountSchema = z.number().int().nonnegative();

/**
 * A count of records for one area, category and month: the `monthly-counts` input format
 * `month,area_code,category,count`. An explicit zero means "checked, none", unlike no row.
 */
export const MonthlyCountSchema = z.object({
  areaCode: AreaCodeSchema,
  category: CategoryCodeSchema,
  month: MonthSchema.brand<'Month'>(),
  count: CountSchema,
});
export type MonthlyCount = z.infer<typeof MonthlyCountSchema>;
