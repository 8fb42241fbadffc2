import { create } from 'xmlbuilder2';
import { appendEntry, atomDate, textChild, type FeedEvent } from './atom-entry.ts';
import { xmlText } from './xml-text.ts';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** How many of an area's newest events a feed holds. */
export const FEED_ENTRIES = 50;

/** What the feed document says about itself. */
export interface AtomFeedHead {
  /** The feed's own id (`feed_…`), kept in the Atom id so it never changes. */
  feedId: string;
  area: { code: string; name: string };
  /** When the feed was made: its `updated` until it has an entry. */
  createdAtMs: number;
  /** The address the feed is read at (rel="self"). */
  selfUrl: string;
  /** The area's page on the dashboard (rel="alternate"). */
  alternateUrl: string;
}

export interface AtomFeed {
  xml: string;
  /** The feed's `updated`, for Last-Modified. */
  updatedMs: number;
}

/**
 * An Atom 1.0 feed (RFC 4287) of an area's events, newest first, at most FEED_ENTRIES of them.
 * Entries have no author of their own, so the feed has one, as the RFC then requires.
 */
export function renderAtomFeed(head: AtomFeedHead, events: readonly FeedEvent[]): AtomFeed {
  const entries = [...events]
    .sort((a, b) => b.createdAtMs - a.createdAtMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, FEED_ENTRIES);
  const updatedMs = entries[0]?.createdAtMs ?? head.createdAtMs;
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  const feed = doc.ele(ATOM_NS, 'feed');
  textChild(feed, 'id', `urn:crimestats:feed:${head.feedId}`);
  textChild(feed, 'title', `${head.area.name}: crime figures`);
  textChild(
    feed,
    'subtitle',
    `What each load changed in the crime figures of ${head.area.name} (${head.area.code})`,
  );
  textChild(feed, 'updated', atomDate(updatedMs));
  textChild(feed.ele('author'), 'name', 'crimestats').up();
  feed.ele('link', {
    rel: 'self',
    type: 'application/atom+xml',
    href: xmlText(head.selfUrl),
  });
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: xmlText(head.alternateUrl) });
  textChild(feed, 'generator', 'crimestats');
  for (const event of entries) appendEntry(feed, event);
  return { xml: doc.end({ prettyPrint: true }), updatedMs };
}
