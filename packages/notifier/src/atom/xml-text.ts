// XML 1.0 has no way to write most control characters or lone surrogates, escaped or not; the
// builder passes them through, which would leave a document no reader parses.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text a well-formed XML document can hold: what XML cannot is replaced by U+FFFD. */
export const xmlText = (text: string): string => text.replace(NOT_XML, '\uFFFD');
