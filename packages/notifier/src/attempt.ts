import type { AttemptOutcome } from '@crimestats/contracts';

/** One message to one receiver: the same id and body on every attempt. */
export interface WebhookMessage {
  /** The `webhook-id`: the delivery's id, the receiver's idempotency key. */
  id: string;
  /** The exact JSON sent. */
  body: string;
}

export interface WebhookTarget {
  /** A webhook's URL, or `mailto:<address>` for an email subscription. */
  url: string;
  secret: string;
  /**
   * The subscription sent to: an email digest needs its id (for the unsubscribe link) and the
   * categories it asked for (its table shows every one of those, changed or not).
   */
  subscription?: { id: string; categories: readonly string[] };
}

/** How one attempt ended, as recorded. */
export interface AttemptResult {
  outcome: AttemptOutcome;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/** Sends one attempt (a signed webhook, or an email); never throws: every failure is an outcome. */
export type SendWebhook = (
  target: WebhookTarget,
  message: WebhookMessage,
) => Promise<AttemptResult>;
