import {
  createSender,
  retryDelivery,
  type RetryDelivery,
  type SendWebhook,
} from '@crimestats/notifier';
import type { Store } from '@crimestats/store';
import type { CliConfig } from './config.ts';

/**
 * The notifier's sender and manual retry, as the command line and `crimestats up` use them: for
 * the dispatcher, pings (`POST /v1/subscriptions/{id}/ping`) and retries of dead deliveries
 * (`subscriptions retry`, `POST /v1/deliveries/{id}/retry`).
 */
export interface WebhookDelivery {
  send: SendWebhook;
  retry: (store: Store) => RetryDelivery;
}

export function webhookDelivery(
  config: Pick<CliConfig, 'webhookAllow' | 'notifier'>,
): WebhookDelivery {
  const send = createSender({
    allow: config.webhookAllow,
    timeoutMs: config.notifier.timeoutMs,
  });
  return { send, retry: (store) => (id) => retryDelivery(store, send, id) };
}
