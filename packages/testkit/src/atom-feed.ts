import { DOMParser, onErrorStopParsing, type Element } from '@xmldom/xmldom';

// An Atom 1.0 checker for tests, on a parser of its own (not the builder the feeds are written
// with), so a feed is judged as a reader would read it. It checks the RFC 4287 rules a feed made
// of our elements can break; it is not a full validator.

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** RFC 3339 date-time, as Atom's date constructs require (section 3.3). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** An IRI has a scheme; Atom ids must be absolute (section 4.2.6). */
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

export interface AtomLink {
  rel: string;
  href: string;
  type: string | null;
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  links: AtomLink[];
  /** The XHTML div inside `content type="xhtml"`. */
  div: Element | undefined;
}

export interface ParsedAtomFeed {
  id: string;
  title: string;
  updated: string;
  authors: string[];
  links: AtomLink[];
  entries: AtomEntry[];
  /** Each Atom rule the document breaks, said plainly; empty for a valid feed. */
  violations: string[];
}

const elementChildren = (parent: Element): Element[] =>
  Array.from(parent.childNodes).filter((node): node is Element => node.nodeType === 1);

const atomChildren = (parent: Element, name: string): Element[] =>
  elementChildren(parent).filter((e) => e.namespaceURI === ATOM_NS && e.localName === name);

function exactlyOne(parent: Element, name: string, where: string, out: string[]): string {
  const found = atomChildren(parent, name);
  if (found.length !== 1)
    out.push(`${where} has ${found.length} ${name} elements, not exactly one`);
  return found[0]?.textContent?.trim() ?? '';
}

function atMostOne(parent: Element, names: readonly string[], where: string, out: string[]) {
  for (const name of names) {
    const count = atomChildren(parent, name).length;
    if (count > 1) out.push(`${where} has ${count} ${name} elements, at most one allowed`);
  }
}

function checkDate(value: string, where: string, out: string[]): void {
  if (!RFC3339.test(value) || Number.isNaN(Date.parse(value))) {
    out.push(`${where} updated "${value}" is not an RFC 3339 date-time`);
  }
}

function linksOf(parent: Element, where: string, out: string[]): AtomLink[] {
  const links = atomChildren(parent, 'link').map((link) => ({
    rel: link.getAttribute('rel') ?? 'alternate',
    href: link.getAttribute('href') ?? '',
    type: link.getAttribute('type'),
  }));
  for (const link of links) if (link.href === '') out.push(`${where} has a link without href`);
  const alternates = links.filter((l) => l.rel === 'alternate').map((l) => l.type ?? '');
  if (new Set(alternates).size !== alternates.length) {
    out.push(`${where} has two alternate links of the same type`);
  }
  return links;
}

/** The single XHTML div an xhtml content holds (section 4.1.3.3), or a violation. */
function xhtmlDiv(entry: Element, where: string, out: string[]): Element | undefined {
  const contents = atomChildren(entry, 'content');
  if (contents.length !== 1) {
    out.push(`${where} has ${contents.length} content elements, expected one`);
    return undefined;
  }
  const content = contents[0]!;
  if (content.getAttribute('type') !== 'xhtml') {
    out.push(`${where} content type is "${content.getAttribute('type')}", not "xhtml"`);
  }
  const children = Array.from(content.childNodes);
  const stray = children.filter(
    (n) => n.nodeType !== 1 && !(n.nodeType === 3 && (n.textContent ?? '').trim() === ''),
  );
  const elements = children.filter((n): n is Element => n.nodeType === 1);
  const div = elements[0];
  if (elements.length !== 1 || stray.length > 0) {
    out.push(`${where} content must hold exactly one element (an XHTML div) and no text`);
  }
  if (div === undefined || div.namespaceURI !== XHTML_NS || div.localName !== 'div') {
    out.push(`${where} content's child is not an XHTML div`);
    return undefined;
  }
  return div;
}

function readEntry(entry: Element, index: number, out: string[]): AtomEntry {
  const where = `entry ${index + 1}`;
  const id = exactlyOne(entry, 'id', where, out);
  if (!ABSOLUTE_IRI.test(id)) out.push(`${where} id "${id}" is not an absolute IRI`);
  const title = exactlyOne(entry, 'title', where, out);
  const updated = exactlyOne(entry, 'updated', where, out);
  checkDate(updated, where, out);
  atMostOne(entry, ['content', 'summary', 'published', 'rights', 'source'], where, out);
  const links = linksOf(entry, where, out);
  if (!links.some((l) => l.rel === 'alternate')) out.push(`${where} has no link rel="alternate"`);
  return { id, title, updated, links, div: xhtmlDiv(entry, where, out) };
}

/**
 * Parses an Atom document strictly (any parser error stops it) and checks RFC 4287's rules:
 * the root is atom:feed; the feed and each entry have exactly one id (an absolute IRI), title and
 * updated (RFC 3339); the feed has an author, since the entries do not; links have an href and
 * at most one alternate per type; each entry has an alternate link and xhtml content whose one
 * child is an XHTML div.
 */
export function parseAtomFeed(xml: string): ParsedAtomFeed {
  const doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(
    xml,
    'application/xml',
  );
  const root = doc.documentElement;
  if (root === null || root.namespaceURI !== ATOM_NS || root.localName !== 'feed') {
    throw new Error(`the root is not an Atom feed: ${root?.namespaceURI} ${root?.localName}`);
  }
  const out: string[] = [];
  const id = exactlyOne(root, 'id', 'the feed', out);
  if (!ABSOLUTE_IRI.test(id)) out.push(`the feed id "${id}" is not an absolute IRI`);
  const title = exactlyOne(root, 'title', 'the feed', out);
  const updated = exactlyOne(root, 'updated', 'the feed', out);
  checkDate(updated, 'the feed', out);
  atMostOne(root, ['subtitle', 'generator', 'icon', 'logo', 'rights'], 'the feed', out);
  const authors = atomChildren(root, 'author').map((a, i) =>
    exactlyOne(a, 'name', `the feed's author ${i + 1}`, out),
  );
  const entryElements = atomChildren(root, 'entry');
  const entries = entryElements.map((e, i) => readEntry(e, i, out));
  const everyEntryHasAuthor = entryElements.every((e) => atomChildren(e, 'author').length > 0);
  if (authors.length === 0 && !(entryElements.length > 0 && everyEntryHasAuthor)) {
    out.push('the feed has no author, and not every entry has one');
  }
  const links = linksOf(root, 'the feed', out);
  if (!links.some((l) => l.rel === 'self')) out.push('the feed has no link rel="self"');
  return { id, title, updated, authors, links, entries, violations: out };
}

/** The rows of an XHTML table in a div, each as its cells' text (header row included). */
export function tableRows(div: Element): string[][] {
  return Array.from(div.getElementsByTagNameNS(XHTML_NS, 'tr')).map((tr) =>
    elementChildren(tr).map((cell) => cell.textContent ?? ''),
  );
}
