import { describe, expect, it } from 'vitest';
import { AnswerCache, DataVersionWatch } from './answer-cache.ts';

function versionSource(initial = 'v1') {
  const source = {
    token: initial,
    asked: 0,
    async current() {
      source.asked += 1;
      return { token: source.token };
    },
  };
  return source;
}

function reader(prefix: string) {
  const read = { calls: 0, next: async () => `${prefix}${++read.calls}` };
  return read;
}

describe('DataVersionWatch', () => {
  it('asks the store at most once per TTL, and once for requests waiting together', async () => {
    let now = 0;
    const source = versionSource();
    const watch = new DataVersionWatch({ source, versionTtlMs: 1000, now: () => now });
    await Promise.all([watch.token(), watch.token(), watch.token()]);
    expect(source.asked).toBe(1);
    now = 999;
    expect(await watch.token()).toBe('v1');
    expect(source.asked).toBe(1);
  });

  it('refreshes ahead after the TTL, and waits for a fresh check after twice the TTL', async () => {
    let now = 0;
    const source = versionSource();
    const watch = new DataVersionWatch({ source, versionTtlMs: 1000, now: () => now });
    await watch.token();
    source.token = 'v2';
    now = 1000;
    // The version in hand is still used while the check runs…
    expect(await watch.token()).toBe('v1');
    expect(source.asked).toBe(2);
    // …and the next request has the checked one.
    expect(await watch.token()).toBe('v2');
    source.token = 'v3';
    now = 3000;
    expect(await watch.token()).toBe('v3');
    expect(source.asked).toBe(3);
  });

  it('reports a failed check to the request that waits for it', async () => {
    let now = 0;
    const source = versionSource();
    const watch = new DataVersionWatch({ source, versionTtlMs: 1000, now: () => now });
    await watch.token();
    source.current = () => Promise.reject(new Error('store down'));
    now = 1500;
    expect(await watch.token()).toBe('v1');
    now = 2500;
    await expect(watch.token()).rejects.toThrow('store down');
  });

  it('asks every time with a TTL of 0', async () => {
    const source = versionSource();
    const watch = new DataVersionWatch({ source, versionTtlMs: 0 });
    await watch.token();
    await watch.token();
    expect(source.asked).toBe(2);
  });
});

describe('AnswerCache', () => {
  it('reuses an answer until the data version changes', async () => {
    const source = versionSource();
    const cache = new AnswerCache<string>({
      versions: new DataVersionWatch({ source, versionTtlMs: 0 }),
      maxEntries: 10,
    });
    const read = reader('answer-');
    expect(await cache.get('k', read.next)).toEqual({ value: 'answer-1', hit: false });
    expect(await cache.get('k', read.next)).toEqual({ value: 'answer-1', hit: true });
    expect(await cache.get('other', read.next)).toEqual({ value: 'answer-2', hit: false });
    source.token = 'v2';
    expect(await cache.get('k', read.next)).toEqual({ value: 'answer-3', hit: false });
  });

  it('reads once for concurrent requests of one key', async () => {
    const cache = new AnswerCache<string>({
      versions: new DataVersionWatch({ source: versionSource(), versionTtlMs: 1000 }),
      maxEntries: 10,
    });
    const read = reader('a');
    const answers = await Promise.all([1, 2, 3].map(() => cache.get('k', read.next)));
    expect(answers.map((answer) => answer.value)).toEqual(['a1', 'a1', 'a1']);
    expect(read.calls).toBe(1);
  });

  it('does not keep a failed read', async () => {
    const cache = new AnswerCache<string>({
      versions: new DataVersionWatch({ source: versionSource(), versionTtlMs: 1000 }),
      maxEntries: 10,
    });
    await expect(cache.get('k', () => Promise.reject(new Error('store down')))).rejects.toThrow(
      'store down',
    );
    expect(cache.size).toBe(0);
    expect(await cache.get('k', async () => 'fine')).toEqual({ value: 'fine', hit: false });
  });

  it('drops the least recently used answer beyond its size', async () => {
    const cache = new AnswerCache<string>({
      versions: new DataVersionWatch({ source: versionSource(), versionTtlMs: 1000 }),
      maxEntries: 2,
    });
    const read = reader('r');
    await cache.get('a', read.next);
    await cache.get('b', read.next);
    await cache.get('a', read.next);
    await cache.get('c', read.next);
    expect(cache.size).toBe(2);
    expect((await cache.get('a', read.next)).hit).toBe(true);
    expect((await cache.get('b', read.next)).hit).toBe(false);
  });

  it('refuses a size below one', () => {
    const versions = new DataVersionWatch({ source: versionSource(), versionTtlMs: 0 });
    expect(() => new AnswerCache({ versions, maxEntries: 0 })).toThrow(RangeError);
  });
});
