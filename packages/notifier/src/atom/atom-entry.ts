import type { EventPeriod, FiguresEventData } from '@crimestats/contracts';
import { monthLabel, periodLabel } from '@crimestats/domain';
import type { create } from 'xmlbuilder2';
import { figuresTable } from './figures-table.ts';
import { xmlText } from './xml-text.ts';

/** An element being built, in whatever namespace it was made in. */
export type XmlElement = ReturnType<typeof create>;

export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** One stored figures event, as far as a feed needs it. */
export interface FeedEvent {
  id: string;
  createdAtMs: number;
  data: FiguresEventData;
}

/**
 * The entry's id: the event's own, so the same event has the same entry in every feed and on
 * every fetch, and a reader never shows it twice.
 */
export const entryIdOf = (eventId: string): string => `urn:crimestats:event:${eventId}`;

/** Atom's dates are RFC 3339; UTC with milliseconds is one of its forms. */
export const atomDate = (ms: number): string => new Date(ms).toISOString();

/** "South Derbyshire: crime figures to Dec 2025 updated", by the event's newest period. */
export function entryTitle(data: FiguresEventData): string {
  const newest = data.periods[0];
  return newest === undefined
    ? `${data.area.name}: crime figures updated`
    : `${data.area.name}: crime figures to ${monthLabel(newest.period.end)} updated`;
}

/** Appends a text-only child, its text made safe for XML and escaped by the builder. */
export function textChild(parent: XmlElement, name: string, text: string): XmlElement {
  return parent.ele(name).txt(xmlText(text)).up();
}

function appendTable(div: XmlElement, period: EventPeriod): void {
  const { columns, rows } = figuresTable(period);
  textChild(div, 'p', periodLabel(period.period));
  const table = div.ele('table');
  const head = table.ele('thead').ele('tr');
  for (const column of columns) head.ele('th', { scope: 'col' }).txt(column.header);
  const body = table.ele('tbody');
  for (const cells of rows) {
    const tr = body.ele('tr');
    cells.forEach((cell, i) => {
      const numeric = columns[i]?.numeric === true;
      tr.ele('td', numeric ? { style: 'text-align: right' } : {}).txt(xmlText(cell));
    });
  }
}

/**
 * The entry's content: the newest period's table as the plan prints it, which other periods
 * moved too, and the dashboard's link; XHTML, so readers show a table rather than escaped markup.
 */
function appendContent(entry: XmlElement, data: FiguresEventData): void {
  const div = entry.ele('content', { type: 'xhtml' }).ele(XHTML_NS, 'div');
  const [newest, ...older] = data.periods;
  if (newest === undefined) textChild(div, 'p', 'No figures changed.');
  else appendTable(div, newest);
  if (older.length > 0) {
    const labels = older.map((p) => periodLabel(p.period)).join('; ');
    textChild(div, 'p', `Also updated: ${labels}.`);
  }
  div
    .ele('p')
    .ele('a', { href: xmlText(data.links.dashboard) })
    .txt('Open the dashboard');
}

/** One event as an Atom entry of `feed`. */
export function appendEntry(feed: XmlElement, event: FeedEvent): void {
  const entry = feed.ele('entry');
  textChild(entry, 'id', entryIdOf(event.id));
  textChild(entry, 'title', entryTitle(event.data));
  textChild(entry, 'updated', atomDate(event.createdAtMs));
  entry.ele('link', {
    rel: 'alternate',
    type: 'text/html',
    href: xmlText(event.data.links.dashboard),
  });
  appendContent(entry, event.data);
}
