import { z } from 'zod';

/** A message a consumer could not use, kept with why and where it came from so it can be replayed. */
export const DeadLetterSchema = z.object({
  reason: z.enum(['not-json', 'schema', 'unprocessable']),
  error: z.string(),
  source: z.object({
    topic: z.string(),
    partition: z.number().int().nonnegative(),
    offset: z.string(),
  }),
  /** The original key and value as UTF-8 text (null when absent). */
  key: z.string().nullable(),
  value: z.string().nullable(),
  failedAt: z.string().datetime(),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;
