import { MonthlyRecordSchema } from '@crimestats/contracts';
import { parseMonth } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { describeError, isPermanent } from './failures.ts';

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('isPermanent', () => {
  it('takes Kafka or ClickHouse being unavailable as transient', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8123'), {
      code: 'ECONNREFUSED',
    });
    expect(isPermanent(refused)).toBe(false);
    expect(isPermanent(new Error('socket hang up'))).toBe(false);
    expect(isPermanent(new Error('Kafka did not acknowledge t within 60000 ms'))).toBe(false);
    // Too many queries, memory, a missing table: the server or its set-up, not the message.
    const busy = Object.assign(new Error('Too many simultaneous queries'), { code: '202' });
    expect(isPermanent(busy)).toBe(false);
    expect(
      isPermanent(new Error('Code: 60, e.displayText() = DB::Exception: Table x.y does not exist')),
    ).toBe(false);
    expect(isPermanent('a string')).toBe(false);
  });

  it('takes data the store refuses as permanent, as either engine reports it', () => {
    // The embedded engine and current servers: a parsed code.
    const parsed = Object.assign(new Error('Cannot parse escape sequence'), {
      code: '25',
      type: 'CANNOT_PARSE_ESCAPE_SEQUENCE',
    });
    expect(isPermanent(parsed)).toBe(true);
    // An 18.x server: the code only in the text.
    expect(
      isPermanent(
        new Error('Code: 25, e.displayText() = DB::Exception: Cannot parse escape sequence'),
      ),
    ).toBe(true);
  });

  it('takes a schema or a month refusing the figures as permanent', () => {
    expect(isPermanent(thrown(() => MonthlyRecordSchema.parse({})))).toBe(true);
    expect(isPermanent(thrown(() => parseMonth('2200-01')))).toBe(true);
  });
});

describe('describeError', () => {
  it('is one line, cut at 1000 characters', () => {
    expect(describeError(new Error('Code: 25,\n  e.what()'))).toBe('Code: 25, e.what()');
    expect(describeError(new Error('x'.repeat(5000)))).toHaveLength(1001);
  });
});
