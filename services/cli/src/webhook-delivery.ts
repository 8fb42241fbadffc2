import { HttpError } from '@crimestats/http';
import type { RetryDelivery, SendWebhook } from '@crimestats/notifier';
import type { Store } from '@crimestats/store';
import type { CliConfig } from './config.ts';

/**
 * The notifier's sender and manual retry, as the command line and `crimestats up` use them: for
 * pings (`POST /v1/subscriptions/{id}/ping`) and retries of dead deliveries (`subscriptions retry`,
 * `POST /v1/deliveries/{id}/retry`).
 *
 * INJECTION POINT (issue 12): the real sender and `retryDelivery` are written on another branch.
 * Once merged, `webhookDelivery` becomes, in outline:
 *   const send = <the notifier's sender>({ allow: config.webhookAllow, ... });
 *   return { send, retry: (store) => (id) => retryDelivery(store, send, id, clock) };
 * Until then both refuse with `SendingNotWired`, which the API answers as 503 and the command line
 * as a one-line error (exit 1). Nothing else needs to change.
 */
export interface WebhookDelivery {
  send: SendWebhook;
  retry: (store: Store) => RetryDelivery;
}

/** Sending webhooks is not in this build yet (see `WebhookDelivery`). */
export class SendingNotWired extends HttpError {
  override name = 'SendingNotWired';

  constructor() {
    super(
      503,
      'sending webhooks is not available in this build yet: pings and retries cannot be sent',
    );
  }
}

export function webhookDelivery(_config: CliConfig): WebhookDelivery {
  const refuse = async (): Promise<never> => {
    throw new SendingNotWired();
  };
  return { send: refuse, retry: () => refuse };
}
