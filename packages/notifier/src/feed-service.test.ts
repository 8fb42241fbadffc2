import { createHash } from 'node:crypto';
import { defaultReference } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import {
  feedTokenHash,
  feedUrl,
  newFeedId,
  newFeedToken,
  readFeed,
  type FeedStore,
} from './feed-service.ts';
import { namesFrom } from './event-data.ts';

describe('feed tokens and URLs', () => {
  it('makes 32-byte base64url tokens and 128-bit ids, each different', () => {
    const token = newFeedToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newFeedToken()).not.toBe(token);
    expect(newFeedId()).toMatch(/^feed_[A-Za-z0-9_-]{22}$/);
  });

  it("keeps the token's SHA-256 in hex", () => {
    expect(feedTokenHash('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
  });

  it('puts the token in a .atom path under the public address', () => {
    expect(feedUrl('https://crime.example.org/base/', 'tok')).toBe(
      'https://crime.example.org/feeds/tok.atom',
    );
    expect(feedUrl('http://127.0.0.1:8080', 'tok')).toBe('http://127.0.0.1:8080/feeds/tok.atom');
  });

  it('does not look up a token that no feed could have', async () => {
    const untouchable = new Proxy({} as FeedStore, {
      get: () => {
        throw new Error('the store was asked');
      },
    });
    const options = {
      names: namesFrom(defaultReference.areas, defaultReference.categories),
      links: { publicUrl: 'http://127.0.0.1' },
    };
    for (const token of ['', 'short', `${'a'.repeat(43)}/`, 'a'.repeat(44), '../'.repeat(15)]) {
      expect(await readFeed(untouchable, token, options)).toBeUndefined();
    }
  });
});
