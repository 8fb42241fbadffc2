import { describe, expect, it } from 'vitest';
import { loggedUrl } from './logged-url.ts';

describe('loggedUrl', () => {
  it("hides a feed's token and an unsubscribe link's, and nothing else", () => {
    expect(loggedUrl('/feeds/abcDEF_-123.atom')).toBe('/feeds/[hidden]');
    expect(loggedUrl('/unsubscribe/sub_x?token=c2VjcmV0')).toBe(
      '/unsubscribe/sub_x?token=[hidden]',
    );
    expect(loggedUrl('/unsubscribe/sub_x?a=1&TOKEN=s3cret&b=2')).toBe(
      '/unsubscribe/sub_x?a=1&TOKEN=[hidden]&b=2',
    );
    expect(loggedUrl('/v1/comparisons?category=drugs&period=2025-12')).toBe(
      '/v1/comparisons?category=drugs&period=2025-12',
    );
  });
});
