import { createHash, randomBytes } from 'node:crypto';
import type { CreatedFeed, Feed } from '@crimestats/contracts';
import type { AreaRegistry } from '@crimestats/domain';
import type { Store, StoredFeed } from '@crimestats/store';
import { FEED_ENTRIES, renderAtomFeed, type AtomFeed } from './atom/index.ts';
import type { EventLinks, EventNames } from './event-data.ts';
import { subscribableArea } from './subscription-service.ts';

/** The repositories feeds are kept in, and read their events from. */
export type FeedStore = Pick<Store, 'feeds' | 'figureEvents'>;

/** A token is 32 random bytes, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** `feed_` and 128 random bits, URL-safe. */
export const newFeedId = (): string => `feed_${randomBytes(16).toString('base64url')}`;

/** The secret in a feed's URL: 256 random bits, URL-safe. */
export const newFeedToken = (): string => randomBytes(32).toString('base64url');

/** What a feed is found by: the token's SHA-256, so the store never holds the token itself. */
export const feedTokenHash = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/** The private address of a feed: `<public base>/feeds/<token>.atom`. */
export const feedUrl = (publicUrl: string, token: string): string =>
  new URL(`/feeds/${token}.atom`, publicUrl).toString();

/** A stored feed as it may be shown: never with its token's hash. */
export const publicFeed = (f: StoredFeed): Feed => ({
  id: f.id,
  area: f.area,
  createdAt: f.createdAt,
});

export interface FeedRules {
  areas: AreaRegistry;
  links: EventLinks;
  clock?: (() => Date) | undefined;
}

/**
 * Makes a feed of one CSP area's events. The answer is the only place its URL is ever shown: the
 * store keeps only the token's hash, as it does for API tokens.
 */
export async function createFeed(
  store: FeedStore,
  areaCode: string,
  rules: FeedRules,
): Promise<CreatedFeed> {
  const area = subscribableArea(rules.areas, areaCode);
  const token = newFeedToken();
  const feed = {
    id: newFeedId(),
    area,
    createdAt: (rules.clock ?? (() => new Date()))().toISOString(),
  };
  await store.feeds.create({ ...feed, tokenHash: feedTokenHash(token) });
  return { ...feed, url: feedUrl(rules.links.publicUrl, token) };
}

/** Feeds, oldest first: one area's when given. */
export async function listFeeds(store: FeedStore, area?: string): Promise<Feed[]> {
  return (await store.feeds.list(area)).map(publicFeed);
}

export async function getFeed(store: FeedStore, id: string): Promise<Feed | undefined> {
  const stored = await store.feeds.get(id);
  return stored && publicFeed(stored);
}

/** Revokes one for good, so its URL answers 404; false when there was none. */
export const revokeFeed = (store: FeedStore, id: string): Promise<boolean> =>
  store.feeds.revoke(id);

export interface FeedReadOptions {
  names: EventNames;
  links: EventLinks;
}

/**
 * The Atom document a feed URL's token opens, or undefined when no feed has that token (never
 * made, or revoked). A token of the wrong shape is not looked up at all.
 */
export async function readFeed(
  store: FeedStore,
  token: string,
  options: FeedReadOptions,
): Promise<AtomFeed | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const feed = await store.feeds.byTokenHash(feedTokenHash(token));
  if (feed === undefined) return undefined;
  const events = await store.figureEvents.forArea(feed.area, undefined, FEED_ENTRIES);
  const { publicUrl } = options.links;
  const alternate = new URL('/', publicUrl);
  alternate.search = new URLSearchParams({ area: feed.area }).toString();
  return renderAtomFeed(
    {
      feedId: feed.id,
      area: { code: feed.area, name: options.names.areaName(feed.area) ?? feed.area },
      createdAtMs: Date.parse(feed.createdAt),
      selfUrl: feedUrl(publicUrl, token),
      alternateUrl: alternate.toString(),
    },
    events,
  );
}
