import { z } from 'zod';
import { MONTH_EXPECTED, MONTH_PATTERN } from './months.ts';

/**
 * A month at a boundary (file, Kafka, ClickHouse, HTTP): `YYYY-MM` from 1900-01 to 2199-12, as
 * text. `.brand<'Month'>()` on it gives a `Month`, for the arithmetic in months.ts.
 */
export const MonthSchema = z.string().regex(MONTH_PATTERN, `expected ${MONTH_EXPECTED}`);
