import type { EventCategoryFigures, FiguresEventData } from '@crimestats/contracts';
import { parseAtomFeed, tableRows } from '@crimestats/testkit/atom-feed';
import { describe, expect, it } from 'vitest';
import type { FeedEvent } from './atom-entry.ts';
import { FEED_ENTRIES, renderAtomFeed, type AtomFeedHead } from './atom-feed.ts';

const head: AtomFeedHead = {
  feedId: 'feed_abc',
  area: { code: 'E07000039', name: 'South Derbyshire' },
  createdAtMs: Date.parse('2026-01-01T09:00:00Z'),
  selfUrl: 'https://crime.example.org/feeds/tok.atom',
  alternateUrl: 'https://crime.example.org/?area=E07000039',
};

const burglary: EventCategoryFigures = {
  code: 'burglary',
  name: 'Burglary',
  volume: 84_621,
  ratePer1000: 2.675,
  rank: 3,
  previousVolume: 87_000,
  volumeChange: -2379,
  percentChange: -2.7344827586,
  complete: true,
  significant: true,
};

const drugs: EventCategoryFigures = {
  code: 'drugs',
  name: 'Drugs',
  volume: 12,
  ratePer1000: null,
  rank: null,
  previousVolume: null,
  volumeChange: null,
  percentChange: null,
  complete: false,
  significant: null,
};

const data = (overrides: Partial<FiguresEventData> = {}): FiguresEventData => ({
  area: { code: 'E07000039', name: 'South Derbyshire' },
  periods: [
    { period: { start: '2025-01', end: '2025-12', months: 12 }, categories: [burglary, drugs] },
    { period: { start: '2025-12', end: '2025-12', months: 1 }, categories: [drugs] },
  ],
  links: {
    comparisons: 'https://crime.example.org/v1/comparisons?period=2025-12',
    dashboard: 'https://crime.example.org/?area=E07000039&period=2025-12&months=12',
  },
  ...overrides,
});

const event = (id: string, createdAtMs: number, d = data()): FeedEvent => ({
  id,
  createdAtMs,
  data: d,
});

describe('renderAtomFeed', () => {
  it('writes a valid Atom 1.0 feed, its entries newest first', () => {
    const events = [
      event('evt_old', Date.parse('2026-01-02T10:00:00Z')),
      event('evt_new', Date.parse('2026-02-03T10:00:00Z')),
    ];
    const { xml, updatedMs } = renderAtomFeed(head, events);
    const feed = parseAtomFeed(xml);
    expect(feed.violations).toEqual([]);
    expect(feed).toMatchObject({
      id: 'urn:crimestats:feed:feed_abc',
      title: 'South Derbyshire: crime figures',
      updated: '2026-02-03T10:00:00.000Z',
      authors: ['crimestats'],
    });
    expect(updatedMs).toBe(Date.parse('2026-02-03T10:00:00Z'));
    expect(feed.links).toEqual([
      { rel: 'self', href: head.selfUrl, type: 'application/atom+xml' },
      { rel: 'alternate', href: head.alternateUrl, type: 'text/html' },
    ]);
    expect(feed.entries.map((e) => [e.id, e.updated])).toEqual([
      ['urn:crimestats:event:evt_new', '2026-02-03T10:00:00.000Z'],
      ['urn:crimestats:event:evt_old', '2026-01-02T10:00:00.000Z'],
    ]);
    const [entry] = feed.entries;
    expect(entry?.title).toBe('South Derbyshire: crime figures to Dec 2025 updated');
    expect(entry?.links).toEqual([
      { rel: 'alternate', href: data().links.dashboard, type: 'text/html' },
    ]);
  });

  it("shows the newest period's figures rounded and written as the plan prints them", () => {
    const { xml } = renderAtomFeed(head, [event('evt_1', 1000)]);
    const div = parseAtomFeed(xml).entries[0]?.div;
    expect(div).toBeDefined();
    expect(tableRows(div!)).toEqual([
      [
        'Category',
        'Volume',
        'Rate per 1,000',
        'Rank',
        'Previous 12 months',
        'Change',
        '% change',
        'Complete',
      ],
      ['Burglary', '84,621', '2.68', '3', '87,000', '-2,379', '-2.7%', 'yes'],
      ['Drugs', '12', '–', '–', '–', '–', '–', 'no'],
    ]);
    expect(div!.textContent).toContain('Jan 2025 – Dec 2025 (12 months)');
    expect(div!.textContent).toContain('Also updated: Dec 2025 (1 month).');
  });

  it('keeps the newest 50 events and, without any, is updated when it was made', () => {
    const many = Array.from({ length: FEED_ENTRIES + 10 }, (_, i) => event(`evt_${i}`, i * 1000));
    const full = parseAtomFeed(renderAtomFeed(head, many).xml);
    expect(full.violations).toEqual([]);
    expect(full.entries).toHaveLength(50);
    expect(full.entries[0]?.id).toBe('urn:crimestats:event:evt_59');
    expect(full.entries.at(-1)?.id).toBe('urn:crimestats:event:evt_10');

    const empty = parseAtomFeed(renderAtomFeed(head, []).xml);
    expect(empty.violations).toEqual([]);
    expect(empty.entries).toEqual([]);
    expect(empty.updated).toBe('2026-01-01T09:00:00.000Z');
  });

  it('escapes every text, and replaces what XML cannot hold', () => {
    const odd = 'Ban & <b>"Tom\'s"</b> \u0001]]>';
    const d = data({
      area: { code: 'E07000039', name: odd },
      periods: [
        {
          period: { start: '2025-12', end: '2025-12', months: 1 },
          categories: [{ ...drugs, name: odd }],
        },
      ],
    });
    const { xml } = renderAtomFeed({ ...head, area: { code: 'E07000039', name: odd } }, [
      event('evt_1', 1000, d),
    ]);
    const feed = parseAtomFeed(xml);
    expect(feed.violations).toEqual([]);
    const shown = 'Ban & <b>"Tom\'s"</b> \uFFFD]]>';
    expect(feed.title).toBe(`${shown}: crime figures`);
    expect(feed.entries[0]?.title).toBe(`${shown}: crime figures to Dec 2025 updated`);
    expect(tableRows(feed.entries[0]!.div!)[1]?.[0]).toBe(shown);
    expect(tableRows(feed.entries[0]!.div!)[0]?.[4]).toBe('Previous month');
  });

  it('says so when an event changed no figures', () => {
    const { xml } = renderAtomFeed(head, [event('evt_1', 1000, data({ periods: [] }))]);
    const feed = parseAtomFeed(xml);
    expect(feed.violations).toEqual([]);
    expect(feed.entries[0]?.title).toBe('South Derbyshire: crime figures updated');
    expect(feed.entries[0]?.div?.textContent).toContain('No figures changed.');
  });
});
