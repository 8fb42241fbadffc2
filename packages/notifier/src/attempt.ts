import type { AttemptOutcome } from '@crimestats/contracts';

/** One message to one receiver: the same id and body on every attempt. */
export interface WebhookMessage {
  /** The `webhook-id`: the delivery's id, the receiver's idempotency key. */
  id: string;
  /** The exact JSON sent. */
  body: string;
}

export interface WebhookTarget {
  url: string;
  secret: string;
}

/** How one attempt ended, as recorded. */
export interface AttemptResult {
  outcome: AttemptOutcome;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/** Sends one signed attempt; never throws: every failure is an outcome. */
export type SendWebhook = (
  target: WebhookTarget,
  message: WebhookMessage,
) => Promise<AttemptResult>;
