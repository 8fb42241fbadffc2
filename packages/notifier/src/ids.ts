import { createHash } from 'node:crypto';

const digest = (text: string): string =>
  createHash('sha256').update(text).digest('base64url').slice(0, 22);

/**
 * An event's id from what it holds, not when it was made: the same notices coalesced again (a
 * replay after a crash) give the same event, which the store then keeps once.
 */
export const eventIdOf = (area: string, content: string): string =>
  `evt_${digest(`${area}\n${content}`)}`;

/** A delivery's id, the `webhook-id`: one per event and subscription, kept across retries. */
export const deliveryIdOf = (eventId: string, subscriptionId: string): string =>
  `msg_${digest(`${eventId}\n${subscriptionId}`)}`;
