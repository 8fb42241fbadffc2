import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  backoffBoundMs,
  backoffDelayMs,
  nextAttemptAt,
  retryPolicy,
  type RetryPolicy,
} from './backoff.ts';

const HOUR = 60 * 60 * 1_000;
const policy: RetryPolicy = { baseMs: 1_000, capMs: HOUR, retryForMs: 24 * HOUR };
const always = (value: number) => () => value;
const JUST_UNDER_ONE = 1 - Number.EPSILON;

describe('retry policy', () => {
  it('defaults to 1 s doubling, capped at 1 h, for 24 h', () => {
    expect(retryPolicy()).toEqual(policy);
    expect(DEFAULT_RETRY_POLICY).toEqual(policy);
    expect(retryPolicy({ baseMs: 50 })).toEqual({ ...policy, baseMs: 50 });
  });

  it.each([{ baseMs: -1 }, { capMs: Number.NaN }, { retryForMs: Number.POSITIVE_INFINITY }])(
    'refuses %o',
    (given) => {
      expect(() => retryPolicy(given)).toThrow(RangeError);
    },
  );
});

describe('backoff bound', () => {
  it('doubles from the base after each failure', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffBoundMs(n, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000,
    ]);
  });

  it('is capped, and stays finite for any number of attempts', () => {
    // Attempt 12 waits up to 2^11 s = 2048 s; attempt 13's 4096 s is past the 3600 s cap.
    expect(backoffBoundMs(12, policy)).toBe(2_048_000);
    expect(backoffBoundMs(13, policy)).toBe(HOUR);
    expect(backoffBoundMs(10_000, policy)).toBe(HOUR);
    expect(backoffBoundMs(10_000, { ...policy, baseMs: 0 })).toBe(0);
    expect(backoffBoundMs(Number.MAX_SAFE_INTEGER, { ...policy, capMs: Infinity })).toBeLessThan(
      Infinity,
    );
  });

  it('treats attempt 0 or less as the first', () => {
    expect(backoffBoundMs(0, policy)).toBe(1_000);
    expect(backoffBoundMs(-3, policy)).toBe(1_000);
  });
});

describe('backoff delay (full jitter)', () => {
  it('is the random fraction of the bound, from zero to just under it', () => {
    expect(backoffDelayMs(3, policy, always(0))).toBe(0);
    expect(backoffDelayMs(3, policy, always(0.25))).toBe(1_000);
    expect(backoffDelayMs(3, policy, always(0.5))).toBe(2_000);
    expect(backoffDelayMs(3, policy, always(JUST_UNDER_ONE))).toBeLessThan(4_000);
    expect(backoffDelayMs(20, policy, always(0.5))).toBe(HOUR / 2);
  });

  it('draws one random number per delay', () => {
    let draws = 0;
    backoffDelayMs(4, policy, () => (draws++, 0.1));
    expect(draws).toBe(1);
  });
});

describe('next attempt', () => {
  const created = Date.parse('2026-01-01T00:00:00Z');

  it('is now when nothing was attempted yet', () => {
    expect(nextAttemptAt(created, 0, created + 5, policy, always(0.9))).toBe(created + 5);
  });

  it('waits the jittered backoff after the attempts so far, in whole milliseconds', () => {
    const now = created + 10_000;
    expect(nextAttemptAt(created, 1, now, policy, always(0.5))).toBe(now + 500);
    expect(nextAttemptAt(created, 2, now, policy, always(0.5))).toBe(now + 1_000);
    expect(nextAttemptAt(created, 3, now, policy, always(0.3333))).toBe(now + 1_333);
    expect(nextAttemptAt(created, 30, now, policy, always(0.5))).toBe(now + HOUR / 2);
    expect(nextAttemptAt(created, 3, now, policy, always(0))).toBe(now);
  });

  it('is null once the next attempt would fall after the retry window', () => {
    const end = created + policy.retryForMs;
    // Exactly at the end is still an attempt; a millisecond later is not.
    expect(nextAttemptAt(created, 1, end - 500, policy, always(0.5))).toBe(end);
    expect(nextAttemptAt(created, 1, end - 499, policy, always(0.5))).toBeNull();
    // The same moment lives or dies by the draw.
    expect(nextAttemptAt(created, 20, end - 60_000, policy, always(0))).toBe(end - 60_000);
    expect(nextAttemptAt(created, 20, end - 60_000, policy, always(0.5))).toBeNull();
    // Never attempted but already past the window.
    expect(nextAttemptAt(created, 0, end + 1, policy, always(0))).toBeNull();
  });

  it('with a zero window allows only the first attempt', () => {
    const none = { ...policy, retryForMs: 0 };
    expect(nextAttemptAt(created, 0, created, none, always(0.5))).toBe(created);
    expect(nextAttemptAt(created, 1, created + 1, none, always(0))).toBeNull();
  });

  it('over a whole schedule stays within the window and ends in null', () => {
    let now = created;
    const times: number[] = [];
    for (let attempts = 1; attempts < 1_000; attempts++) {
      const next = nextAttemptAt(created, attempts, now, policy, always(JUST_UNDER_ONE));
      if (next === null) break;
      expect(next).toBeGreaterThanOrEqual(now);
      expect(next - now).toBeLessThan(backoffBoundMs(attempts, policy));
      times.push(next);
      now = next;
    }
    expect(times.at(-1)!).toBeLessThanOrEqual(created + policy.retryForMs);
    // Doubling from 1 s reaches the 1 h cap at attempt 13; ~24 more fill the rest of 24 h.
    expect(times.length).toBeGreaterThan(30);
    expect(times.length).toBeLessThan(40);
  });
});
