import { randomBytes } from 'node:crypto';
import type {
  CreatedSubscription,
  Delivery,
  DeliveryAttempt,
  DeliveryStatus,
  NewSubscription,
  NewSubscriptionBody,
  Subscription,
} from '@crimestats/contracts';
import { NewEmailSubscriptionSchema } from '@crimestats/contracts';
import type { AreaRegistry, CategoryTaxonomy } from '@crimestats/domain';
import type { Store, StoredDelivery, StoredSubscription } from '@crimestats/store';
import { checkTargetUrl, newWebhookSecret, type AllowList } from '@crimestats/webhooks';
import type { AttemptResult } from './attempt.ts';
import { emailOf, emailTarget } from './target.ts';
import { unsubscribeTokenMatches } from './unsubscribe-token.ts';

/** The repositories subscriptions are kept in. */
export type SubscriptionStore = Pick<Store, 'subscriptions' | 'deliveries'>;

/** What a new subscription is checked against. */
export interface SubscriptionRules {
  /** Receivers allowed beyond the public internet (CRIMESTATS_WEBHOOK_ALLOW_HOSTS). */
  allow: AllowList;
  areas: AreaRegistry;
  categories: CategoryTaxonomy;
  clock?: () => Date;
}

/** Which field of a new subscription is refused. */
export type SubscriptionField = 'area' | 'categories' | 'url' | 'email';

/** A new subscription that cannot be made as asked; the message says why, for the caller. */
export class SubscriptionInputError extends Error {
  override name = 'SubscriptionInputError';

  constructor(
    readonly field: SubscriptionField,
    message: string,
  ) {
    super(message);
  }
}

/** Re-sends one dead delivery now (the notifier's retry, injected where it is used). */
export type RetryDelivery = (
  deliveryId: string,
) => Promise<{ delivery: StoredDelivery; attempt: AttemptResult }>;

/** The largest page of deliveries or attempts one read returns. */
export const MAX_PAGE = 1000;

/** `sub_` and 128 random bits, URL-safe: an id nobody can guess or enumerate. */
export const newSubscriptionId = (): string => `sub_${randomBytes(16).toString('base64url')}`;

/** A stored subscription as it may be shown: never with its secret; `email` for an email one. */
export function publicSubscription(s: StoredSubscription): Subscription {
  const shown = { id: s.id, area: s.area, categories: s.categories };
  const email = emailOf(s.url);
  const target = email === undefined ? { url: s.url } : { email };
  return { ...shown, ...target, status: s.status, createdAt: s.createdAt };
}

/** A stored delivery as it is shown, without its row version. */
export const publicDelivery = ({ version: _version, ...delivery }: StoredDelivery): Delivery =>
  delivery;

/** The area, which must be a CSP area: events are made per CSP area, not for rollups. */
export function subscribableArea(areas: AreaRegistry, code: string): string {
  const area = areas.byCode(code);
  if (area?.kind === 'csp') return area.code;
  const csp = areas.cspAreas().map((a) => `${a.code} (${a.name})`);
  const what =
    area === undefined ? `unknown area "${code}"` : `${code} (${area.name}) is not a CSP area`;
  throw new SubscriptionInputError('area', `${what}; subscribe to one of: ${csp.join(', ')}`);
}

/** The categories asked for, each known, without repeats; none (every category) when omitted. */
function knownCategories(categories: CategoryTaxonomy, codes: readonly string[] = []): string[] {
  const unknown = codes.filter((code) => categories.byCode(code) === undefined);
  if (unknown.length > 0) {
    throw new SubscriptionInputError(
      'categories',
      `unknown categor${unknown.length === 1 ? 'y' : 'ies'} ${unknown.map((c) => `"${c}"`).join(', ')}; see /v1/categories for the codes`,
    );
  }
  return [...new Set(codes)];
}

/**
 * Checks and stores a new subscription. A webhook's URL must pass the target guard's form check
 * (https, no credentials, no address that is not public unless allowed); it is stored as the URL
 * parser writes it, and the answer is the only place its signing secret is ever shown. An email
 * address is stored as `mailto:<address>`; its secret signs its unsubscribe links and is not shown.
 */
export async function createSubscription(
  store: SubscriptionStore,
  input: NewSubscription | NewSubscriptionBody,
  rules: SubscriptionRules,
): Promise<CreatedSubscription> {
  const area = subscribableArea(rules.areas, input.area);
  const categories = knownCategories(rules.categories, input.categories);
  const stored = {
    id: newSubscriptionId(),
    area,
    categories,
    url: targetUrl(input, rules.allow),
    createdAt: (rules.clock ?? (() => new Date()))().toISOString(),
    secret: newWebhookSecret(),
  };
  await store.subscriptions.create(stored);
  const shown = publicSubscription({ ...stored, status: 'active', version: 1 });
  return 'url' in shown ? { ...shown, secret: stored.secret } : shown;
}

const EXACTLY_ONE = 'give exactly one of url (a webhook) or email';

/** The stored target: the URL as the parser writes it, or `mailto:<address>`. */
function targetUrl(input: NewSubscription | NewSubscriptionBody, allow: AllowList): string {
  const url = 'url' in input ? input.url : undefined;
  const email = 'email' in input ? input.email : undefined;
  if (url === undefined) {
    if (email === undefined) throw new SubscriptionInputError('url', EXACTLY_ONE);
    // Checked here too: the command line stores without the API's body schema.
    if (!NewEmailSubscriptionSchema.shape.email.safeParse(email).success) {
      throw new SubscriptionInputError('email', `"${email}" is not an email address`);
    }
    return emailTarget(email);
  }
  if (email !== undefined) throw new SubscriptionInputError('email', EXACTLY_ONE);
  const target = checkTargetUrl(url, allow);
  if (!target.ok) throw new SubscriptionInputError('url', `the URL is refused: ${target.reason}`);
  return target.url.href;
}

/** Subscriptions, oldest first: one area's when given. */
export async function listSubscriptions(
  store: SubscriptionStore,
  area?: string,
): Promise<Subscription[]> {
  return (await store.subscriptions.list(area)).map(publicSubscription);
}

/** One subscription without its secret, or undefined when there is none by that id. */
export async function getSubscription(
  store: SubscriptionStore,
  id: string,
): Promise<Subscription | undefined> {
  const stored = await store.subscriptions.get(id);
  return stored && publicSubscription(stored);
}

/**
 * An email subscription removed through its unsubscribe link: true when the token is its own.
 * False alike for no such subscription, a webhook subscription and a wrong token, so the link
 * tells nobody which ids exist.
 */
export async function unsubscribeByToken(
  store: SubscriptionStore,
  id: string,
  token: string,
): Promise<boolean> {
  const subscription = await validUnsubscribe(store, id, token);
  return subscription !== undefined && (await store.subscriptions.remove(id));
}

/** The email subscription an unsubscribe link is for, if the link is valid. */
export async function validUnsubscribe(
  store: SubscriptionStore,
  id: string,
  token: string,
): Promise<Subscription | undefined> {
  const stored = await store.subscriptions.get(id);
  if (stored === undefined || emailOf(stored.url) === undefined) return undefined;
  if (!unsubscribeTokenMatches(stored.id, stored.secret, token)) return undefined;
  return publicSubscription(stored);
}

/**
 * Removes one for good; false when there was none. Its open deliveries are left to the notifier,
 * which cancels a delivery whose subscription is gone when it next comes due.
 */
export const removeSubscription = (store: SubscriptionStore, id: string): Promise<boolean> =>
  store.subscriptions.remove(id);

/** A subscription's delivery attempts, pings included, newest first. */
export const subscriptionAttempts = (
  store: SubscriptionStore,
  id: string,
  limit: number,
): Promise<DeliveryAttempt[]> => store.deliveries.attempts(id, Math.min(limit, MAX_PAGE));

export interface DeliveriesQuery {
  status?: DeliveryStatus | undefined;
  /** Only these areas' (a CSP token's own); every area when omitted. */
  areas?: readonly string[] | undefined;
  limit: number;
}

/** Deliveries newest first, as asked. */
export async function listDeliveries(
  store: SubscriptionStore,
  query: DeliveriesQuery,
): Promise<Delivery[]> {
  const rows = await store.deliveries.list({
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.areas === undefined ? {} : { areas: query.areas }),
    limit: Math.min(query.limit, MAX_PAGE),
  });
  return rows.map(publicDelivery);
}

export type RetryOutcome =
  | { kind: 'unknown' }
  | { kind: 'not-dead'; delivery: Delivery }
  | { kind: 'retried'; delivery: Delivery; attempt: AttemptResult };

/**
 * Retries one dead delivery by hand. Only a dead one: a pending delivery is the notifier's to
 * retry on its schedule, and a delivered or cancelled one is done. `check` may refuse the caller
 * (by throwing) once the delivery is known, before anything is sent.
 */
export async function retryDeadDelivery(
  store: SubscriptionStore,
  retry: RetryDelivery,
  id: string,
  check: (delivery: Delivery) => void = () => undefined,
): Promise<RetryOutcome> {
  const stored = await store.deliveries.get(id);
  if (stored === undefined) return { kind: 'unknown' };
  const delivery = publicDelivery(stored);
  check(delivery);
  if (delivery.status !== 'dead') return { kind: 'not-dead', delivery };
  const retried = await retry(id);
  return { kind: 'retried', delivery: publicDelivery(retried.delivery), attempt: retried.attempt };
}
