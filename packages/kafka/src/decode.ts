import {
  DEAD_LETTER_VALUE_LIMIT,
  type DeadLetter,
  type DeadLetterReason,
} from '@crimestats/contracts';
import type { KafkaMessage } from 'kafkajs';
import type { z } from 'zod';

export type Decoded<T> = { ok: true; value: T } | { ok: false; deadLetter: DeadLetter };

/** Where a message came from. */
export interface MessageSource {
  topic: string;
  partition: number;
}

/**
 * A message as a dead letter: the reason, the original key and value as text (a value too long to
 * fit on the dead-letter topic cut, saying so) and where it came from.
 */
export function deadLetterFor(
  message: KafkaMessage,
  source: MessageSource,
  reason: DeadLetterReason,
  error: string,
  now: Date,
): DeadLetter {
  const value = message.value?.toString('utf8') ?? null;
  const cut = value !== null && value.length > DEAD_LETTER_VALUE_LIMIT;
  return {
    reason,
    error: cut
      ? `${error} (value cut to its first ${DEAD_LETTER_VALUE_LIMIT} of ${value.length} characters; the whole message is at its source offset)`
      : error,
    source: { ...source, offset: message.offset },
    key: message.key?.toString('utf8') ?? null,
    value: cut ? value.slice(0, DEAD_LETTER_VALUE_LIMIT) : value,
    failedAt: now.toISOString(),
  };
}

/** Parses a message against its topic's schema; what cannot be used becomes a dead letter with the reason. */
export function decodeMessage<T>(
  message: KafkaMessage,
  schema: z.ZodType<T>,
  source: MessageSource,
  now: Date,
): Decoded<T> {
  const dead = (reason: DeadLetterReason, error: string): Decoded<T> => ({
    ok: false,
    deadLetter: deadLetterFor(message, source, reason, error, now),
  });
  let json: unknown;
  try {
    json = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch (error) {
    return dead('not-json', describeError(error));
  }
  let parsed: ReturnType<typeof schema.safeParse>;
  try {
    parsed = schema.safeParse(json);
  } catch (error) {
    // A refinement that throws is still this message's fault, not a reason to stop.
    return dead('schema', describeError(error));
  }
  if (!parsed.success) {
    return dead(
      'schema',
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    );
  }
  return { ok: true, value: parsed.data };
}

/** An error as one line of text, capped, for a dead letter's `error` or a log field. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 1000 ? `${line.slice(0, 1000)}…` : line;
}
