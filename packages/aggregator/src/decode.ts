import type { DeadLetter } from '@crimestats/contracts';
import type { KafkaMessage } from 'kafkajs';
import type { z } from 'zod';

export type Decoded<T> = { ok: true; value: T } | { ok: false; deadLetter: DeadLetter };

/** Parses a message against its topic's schema; what cannot be used becomes a dead letter with the reason. */
export function decodeMessage<T>(
  message: KafkaMessage,
  schema: z.ZodType<T>,
  source: { topic: string; partition: number },
  now: Date,
): Decoded<T> {
  const key = message.key?.toString('utf8') ?? null;
  const value = message.value?.toString('utf8') ?? null;
  const dead = (reason: DeadLetter['reason'], error: string): Decoded<T> => ({
    ok: false,
    deadLetter: {
      reason,
      error,
      source: { ...source, offset: message.offset },
      key,
      value,
      failedAt: now.toISOString(),
    },
  });
  let json: unknown;
  try {
    json = JSON.parse(value ?? '');
  } catch (error) {
    return dead('not-json', error instanceof Error ? error.message : String(error));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return dead(
      'schema',
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    );
  }
  return { ok: true, value: parsed.data };
}
