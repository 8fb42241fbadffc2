import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token in an email's unsubscribe link: an HMAC-SHA256 of `unsubscribe:<id>` under the
 * subscription's own secret, base64url. Whoever holds the email can unsubscribe without signing
 * in; nobody can make one for another subscription, and removing the subscription voids it.
 */
export const unsubscribeToken = (subscriptionId: string, secret: string): string =>
  createHmac('sha256', secret).update(`unsubscribe:${subscriptionId}`).digest('base64url');

/** Whether `token` is this subscription's, compared in constant time. */
export function unsubscribeTokenMatches(
  subscriptionId: string,
  secret: string,
  token: string,
): boolean {
  const expected = Buffer.from(unsubscribeToken(subscriptionId, secret));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `<publicUrl>/unsubscribe/<id>?token=<token>`: the link in the email and its header. */
export function unsubscribeUrl(publicUrl: string, subscriptionId: string, secret: string): string {
  const url = new URL(`/unsubscribe/${encodeURIComponent(subscriptionId)}`, publicUrl);
  url.searchParams.set('token', unsubscribeToken(subscriptionId, secret));
  return url.toString();
}
