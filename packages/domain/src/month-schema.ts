import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR, MONTH_EXPECTED, MONTH_PATTERN } from './months.ts';

/**
 * A month at a boundary (file, Kafka, ClickHouse, HTTP): `YYYY-MM` from 1900-01 to 2199-12, as
 * text. `.brand<'Month'>()` on it gives a `Month`, for the arithmetic in months.ts.
 */
export const MonthSchema = z.string().regex(MONTH_PATTERN, `expected ${MONTH_EXPECTED}`);

/** A year a month may fall in (a population's mid-year, a quarter's financial year). */
export const YearSchema = z
  .number()
  .int()
  .min(FIRST_YEAR, `expected a year from ${FIRST_YEAR} to ${LAST_YEAR}`)
  .max(LAST_YEAR, `expected a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
