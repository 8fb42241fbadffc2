import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  OptionalBrokerListSchema,
  RequiredBrokerListSchema,
  rateLimitFields,
  rateLimitOf,
} from './config-fields.ts';

describe('broker lists', () => {
  it('splits on commas and drops blanks', () => {
    expect(RequiredBrokerListSchema.parse(' kafka:9092, 127.0.0.1:19092 ,')).toEqual([
      'kafka:9092',
      '127.0.0.1:19092',
    ]);
    expect(OptionalBrokerListSchema.parse('a:1')).toEqual(['a:1']);
  });

  it('treats an unset optional list as none, and says a required one is missing', () => {
    expect(OptionalBrokerListSchema.parse(undefined)).toBeUndefined();
    expect(OptionalBrokerListSchema.parse('')).toBeUndefined();
    expect(() => RequiredBrokerListSchema.parse(undefined)).toThrow(/KAFKA_BROKERS is required/);
  });
});

describe('rate limits', () => {
  const read = (env: Record<string, string | undefined>) =>
    rateLimitOf(z.object(rateLimitFields).parse(env));

  it('allows 600 requests a minute per token holder unless told, and none counted when off', () => {
    expect(read({})).toEqual({ max: 600, windowMs: 60_000 });
    expect(read({ RATE_LIMIT_MAX: '20', RATE_LIMIT_WINDOW_MS: '1000' })).toEqual({
      max: 20,
      windowMs: 1000,
    });
    expect(read({ RATE_LIMIT_MAX: 'off' })).toBeUndefined();
  });

  it('refuses a limit that is not a whole number of requests, or a window under a second', () => {
    for (const env of [
      { RATE_LIMIT_MAX: '0' },
      { RATE_LIMIT_MAX: '1.5' },
      { RATE_LIMIT_MAX: 'none' },
      { RATE_LIMIT_WINDOW_MS: '999' },
    ]) {
      expect(() => read(env)).toThrow();
    }
  });
});
