import { z } from 'zod';
import { MonthSchema } from './months.ts';
import { OnsCodeSchema } from './ons-code.ts';

/**
 * A count of records for one area, category and month: the `monthly-counts` input format
 * `month,area_code,category,count`. An explicit zero means "checked, none", unlike no row.
 */
export const MonthlyCountSchema = z.object({
  areaCode: OnsCodeSchema,
  category: z.string().min(1),
  month: MonthSchema,
  count: z.number().int().nonnegative(),
});
export type MonthlyCount = z.infer<typeof MonthlyCountSchema>;
