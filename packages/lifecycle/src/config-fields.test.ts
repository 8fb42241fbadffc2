import { describe, expect, it } from 'vitest';
import { OptionalBrokerListSchema, RequiredBrokerListSchema } from './config-fields.ts';

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
