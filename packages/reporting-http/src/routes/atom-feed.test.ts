import { describe, expect, it } from 'vitest';
import { hideFeedToken } from './atom-feed.ts';

describe('hideFeedToken', () => {
  it("hides a feed URL's token, a mistyped one too, and leaves other URLs alone", () => {
    expect(hideFeedToken('/feeds/AbC_-12.atom')).toBe('/feeds/[hidden]');
    expect(hideFeedToken('/feeds/AbC_-12.atom?x=1')).toBe('/feeds/[hidden]?x=1');
    expect(hideFeedToken('/feeds/AbC_-12.atm/more')).toBe('/feeds/[hidden]');
    expect(hideFeedToken('/v1/feeds/feed_1')).toBe('/v1/feeds/feed_1');
    expect(hideFeedToken('/v1/areas?feeds/x.atom')).toBe('/v1/areas?feeds/x.atom');
  });
});
