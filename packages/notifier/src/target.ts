import type { StoredSubscription } from '@crimestats/store';
import type { WebhookTarget } from './attempt.ts';

/** Where and how one subscription's attempts go. */
export const targetOf = (
  s: Pick<StoredSubscription, 'id' | 'url' | 'secret' | 'categories'>,
): WebhookTarget => ({
  url: s.url,
  secret: s.secret,
  subscription: { id: s.id, categories: s.categories },
});

const MAILTO = 'mailto:';

/** The stored target of an email subscription. */
export const emailTarget = (address: string): string => `${MAILTO}${address}`;

/** The address an email subscription's target names; undefined for a webhook's URL. */
export const emailOf = (url: string): string | undefined =>
  url.startsWith(MAILTO) ? url.slice(MAILTO.length) : undefined;
