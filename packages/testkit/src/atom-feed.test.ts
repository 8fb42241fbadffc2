import { describe, expect, it } from 'vitest';
import { parseAtomFeed } from './atom-feed.ts';

const valid = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:x:feed</id><title>T</title><updated>2026-01-01T00:00:00Z</updated>
  <author><name>me</name></author>
  <link rel="self" href="https://x.example/f.atom"/>
  <entry>
    <id>urn:x:1</id><title>E</title><updated>2026-01-01T00:00:00.000Z</updated>
    <link href="https://x.example/1"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>hi</p></div></content>
  </entry>
</feed>`;

describe('parseAtomFeed (the checker the feed tests rely on)', () => {
  it('passes a valid feed', () => {
    const feed = parseAtomFeed(valid);
    expect(feed.violations).toEqual([]);
    expect(feed.entries.map((e) => e.id)).toEqual(['urn:x:1']);
  });

  it.each([
    [
      'a second id',
      valid.replace('<title>T</title>', '<title>T</title><id>urn:x:2</id>'),
      /the feed has 2 id/,
    ],
    ['no author', valid.replace('<author><name>me</name></author>', ''), /no author/],
    ['no self link', valid.replace('rel="self"', 'rel="related"'), /no link rel="self"/],
    ['a local date', valid.replace('2026-01-01T00:00:00Z', '2026-01-01 00:00'), /RFC 3339/],
    ['a relative id', valid.replace('urn:x:1', 'one'), /not an absolute IRI/],
    [
      'no entry link',
      valid.replace('<link href="https://x.example/1"/>', ''),
      /no link rel="alternate"/,
    ],
    ['html content', valid.replace('type="xhtml"', 'type="html"'), /not "xhtml"/],
    ['text beside the div', valid.replace('<div xmlns', 'text<div xmlns'), /exactly one element/],
    [
      'a div outside XHTML',
      valid.replace('http://www.w3.org/1999/xhtml', 'urn:other'),
      /not an XHTML div/,
    ],
  ])('finds %s', (_, xml, violation) => {
    expect(parseAtomFeed(xml).violations.join('\n')).toMatch(violation);
  });

  it('refuses a document that is not an Atom feed, or not well formed', () => {
    expect(() => parseAtomFeed(valid.replace('2005/Atom', '2005/Other'))).toThrow(/not an Atom/);
    expect(() => parseAtomFeed(valid.replace('</feed>', ''))).toThrow();
  });
});
