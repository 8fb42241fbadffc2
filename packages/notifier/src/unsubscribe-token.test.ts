import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emailOf, emailTarget, targetOf } from './target.ts';
import { unsubscribeToken, unsubscribeTokenMatches, unsubscribeUrl } from './unsubscribe-token.ts';

const SECRET = 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0';

describe('unsubscribe tokens', () => {
  it('are the base64url HMAC-SHA256 of "unsubscribe:<id>" under the subscription secret', () => {
    const expected = createHmac('sha256', SECRET).update('unsubscribe:sub_1').digest('base64url');
    expect(unsubscribeToken('sub_1', SECRET)).toBe(expected);
    expect(expected).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("match only their own subscription's id and secret", () => {
    const token = unsubscribeToken('sub_1', SECRET);
    expect(unsubscribeTokenMatches('sub_1', SECRET, token)).toBe(true);
    expect(unsubscribeTokenMatches('sub_2', SECRET, token)).toBe(false);
    expect(unsubscribeTokenMatches('sub_1', `${SECRET}x`, token)).toBe(false);
    expect(unsubscribeTokenMatches('sub_1', SECRET, token.slice(1))).toBe(false);
    expect(unsubscribeTokenMatches('sub_1', SECRET, '')).toBe(false);
  });

  it('ride in a link under the public URL', () => {
    const url = new URL(unsubscribeUrl('https://crime.example.org', 'sub_1', SECRET));
    expect(url.origin).toBe('https://crime.example.org');
    expect(url.pathname).toBe('/unsubscribe/sub_1');
    expect(url.searchParams.get('token')).toBe(unsubscribeToken('sub_1', SECRET));
  });
});

describe('email targets', () => {
  it('are stored as mailto: and read back as the address', () => {
    expect(emailTarget('officer@example.gov.uk')).toBe('mailto:officer@example.gov.uk');
    expect(emailOf('mailto:officer@example.gov.uk')).toBe('officer@example.gov.uk');
    expect(emailOf('https://hooks.example.org/x')).toBeUndefined();
  });

  it("carry the subscription's id and categories to the sender", () => {
    const target = targetOf({
      id: 'sub_1',
      url: 'mailto:a@b.uk',
      secret: SECRET,
      categories: ['drugs'],
    });
    expect(target).toEqual({
      url: 'mailto:a@b.uk',
      secret: SECRET,
      subscription: { id: 'sub_1', categories: ['drugs'] },
    });
  });
});
