import type { SendWebhook } from '@crimestats/notifier';

/** Which sender a target's URL goes to: `mailto:` is email, anything else a webhook. */
export const channelOf = (url: string): 'email' | 'webhook' =>
  url.startsWith('mailto:') ? 'email' : 'webhook';

/** One sender for every subscription: email targets to `email`, the rest to `webhook`. */
export const routeByScheme =
  (senders: { webhook: SendWebhook; email: SendWebhook }): SendWebhook =>
  (target, message) =>
    senders[channelOf(target.url)](target, message);
