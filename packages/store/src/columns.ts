import { z } from 'zod';

/**
 * Zod schemas for reading ClickHouse column values out of JSONEachRow.
 *
 * 64-bit integers arrive as JSON strings from the 18.16 server (its default quotes them) but as
 * numbers from chDB, so the readers accept both. We do not turn quoting off: unquoted values above
 * 2^53 would be rounded by JSON.parse without a trace, whereas a string is checked here and refused
 * if it does not fit a safe integer.
 */

const integerText = z.string().regex(/^-?\d+$/, 'expected an integer');

/** UInt64 / Int64 (or any integer column) as a JS number, refusing values beyond 2^53. */
export const int64Column = z
  .union([z.number(), integerText.transform(Number)])
  .pipe(z.number().int('expected a safe integer'));

export const uint64Column = int64Column.pipe(z.number().nonnegative());

/**
 * UInt64 as a bigint, for values that may pass 2^53 (figure versions). Read as `toString(column)`,
 * so neither engine's JSON sends a number a JSON parser would round.
 */
export const uint64BigColumn = z
  .union([
    z.string().regex(/^\d+$/, 'expected an unsigned integer'),
    z.number().int().nonnegative(),
  ])
  .transform((value) => BigInt(value));

/** UInt8 0/1 as a boolean. */
export const flagColumn = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);

/**
 * DateTime read as `toUnixTimestamp(column)`, so the server's time zone never enters the text:
 * second precision, as the column stores.
 */
export const epochSecondsColumn = uint64Column.transform((seconds) => new Date(seconds * 1000));

/** A Date written to a DateTime column as Unix seconds (both engines read a JSON number so). */
export function toEpochSeconds(date: Date): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid Date');
  return Math.floor(ms / 1000);
}

/**
 * A Date for a DateTime column, which holds Unix seconds in a UInt32: 1970 to 2106. Zod's
 * z.date() already refuses an invalid Date.
 */
export const dateTimeValue = z
  .date()
  .min(new Date(0), 'DateTime cannot hold dates before 1970')
  .max(new Date(Date.UTC(2106, 0, 1)), 'DateTime cannot hold dates after 2105');

// Floats use plain z.number(): since zod 4 it refuses NaN and infinities, which ClickHouse's JSON
// output would turn into null or strings.
