import { describeError } from '@crimestats/kafka';
import { ZodError } from 'zod';

/**
 * ClickHouse error codes that mean "not this data" rather than "not now": a value the server
 * cannot parse or hold. Anything else (a closed port, a timeout, a server busy or restarting, a
 * missing table) may pass, so it is retried.
 */
const REFUSED_DATA_CODES = new Set([
  6, // CANNOT_PARSE_TEXT
  25, // CANNOT_PARSE_ESCAPE_SEQUENCE
  26, // CANNOT_PARSE_QUOTED_STRING
  27, // CANNOT_PARSE_INPUT_ASSERTION_FAILED
  38, // CANNOT_PARSE_DATE
  41, // CANNOT_PARSE_DATETIME
  53, // TYPE_MISMATCH
  69, // ARGUMENT_OUT_OF_BOUND
  70, // CANNOT_CONVERT_TYPE
  72, // CANNOT_PARSE_NUMBER
  117, // INCORRECT_DATA
  131, // TOO_LARGE_STRING_SIZE
  321, // VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE
  349, // CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN
  469, // VIOLATED_CONSTRAINT
]);

/** The ClickHouse error code of an error from either engine, if it is one. */
function clickHouseCode(error: Error): number | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^\d+$/.test(code)) return Number(code);
  // Older servers answer in a form the client does not parse into a code: "Code: 25, e.display…".
  const match = /^Code: (\d+)[,.]/.exec(error.message);
  return match ? Number(match[1]) : undefined;
}

/**
 * Whether retrying the same messages can never succeed: the store refused their data, or the
 * figures they lead to are refused by a schema (ZodError) or by month arithmetic (RangeError).
 * Everything else, Kafka and ClickHouse being unavailable above all, is transient.
 */
export function isPermanent(error: unknown): boolean {
  if (error instanceof ZodError || error instanceof RangeError) return true;
  if (!(error instanceof Error)) return false;
  const code = clickHouseCode(error);
  return code !== undefined && REFUSED_DATA_CODES.has(code);
}

export { describeError };
