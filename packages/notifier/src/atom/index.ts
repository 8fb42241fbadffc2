export {
  appendEntry,
  atomDate,
  entryIdOf,
  entryTitle,
  XHTML_NS,
  type FeedEvent,
} from './atom-entry.ts';
export {
  ATOM_NS,
  FEED_ENTRIES,
  renderAtomFeed,
  type AtomFeed,
  type AtomFeedHead,
} from './atom-feed.ts';
export { figuresColumns, figuresTable, type FiguresColumn } from './figures-table.ts';
