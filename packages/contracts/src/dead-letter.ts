import { z } from 'zod';

/**
 * Why a message was dead-lettered. `not-json` and `schema`: it cannot be read as its topic's
 * message. `unknown-area` and `unknown-category`: it reads, but names an area (for a record, a CSP
 * area) or a category the aggregator's reference data does not have. `unprocessable`: it reads and
 * is known, but storing or figuring it failed in a way no retry can mend (say, the store refused
 * it); `error` says how.
 */
export const DeadLetterReasonSchema = z.enum([
  'not-json',
  'schema',
  'unknown-area',
  'unknown-category',
  'unprocessable',
]);
export type DeadLetterReason = z.infer<typeof DeadLetterReasonSchema>;

/** A message a consumer could not use, kept with why and where it came from so it can be replayed. */
export const DeadLetterSchema = z.object({
  reason: DeadLetterReasonSchema,
  error: z.string(),
  source: z.object({
    topic: z.string(),
    partition: z.number().int().nonnegative(),
    offset: z.string(),
  }),
  /**
   * The original key and value as UTF-8 text (null when absent). A value longer than
   * DEAD_LETTER_VALUE_LIMIT characters is cut to that length (`error` says so), so that the dead
   * letter always fits on its topic; the whole message stays at its source offset.
   */
  key: z.string().nullable(),
  value: z.string().nullable(),
  failedAt: z.string().datetime(),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;

/** The longest value a dead letter carries: escaped as JSON, it stays far below Kafka's 1 MB. */
export const DEAD_LETTER_VALUE_LIMIT = 100_000;
