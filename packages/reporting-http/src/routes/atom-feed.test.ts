import { describe, expect, it } from 'vitest';
import { hideFeedToken } from './atom-feed.ts';

describe('hideFeedToken', () => {
  it("hides a feed URL's token, query and all, and leaves other URLs alone", () => {
    expect(hideFeedToken('/feeds/AbC_-12.atom')).toBe('/feeds/[token].atom');
    expect(hideFeedToken('/feeds/AbC_-12.atom?x=1')).toBe('/feeds/[token].atom?x=1');
    expect(hideFeedToken('/v1/feeds/feed_1')).toBe('/v1/feeds/feed_1');
    expect(hideFeedToken('/v1/areas?feeds/x.atom')).toBe('/v1/areas?feeds/x.atom');
  });
});
