/**
 * What each file of test/fixtures/hostile (and the ones made at test time) must come to. A refusal
 * names where (the report's `file`; a problem's line and field, or the line its `error` starts
 * with) and why (`reason`, matched against the problem's reason or the `error`).
 */
export interface Refusal {
  /** The report's `file` when not the file's own name (an archive's entry). */
  file?: string;
  line?: number;
  field?: string;
  reason: RegExp;
}

const STREET_ENTRY = '!2025-01/2025-01-derbyshire-street.csv';
const NO_FORMAT = /^header ".*" matches no input format; expected one of: police-uk/;
const NOT_WHOLE = /^expected a whole number of crimes$/;

export const REFUSALS: Record<string, Refusal> = {
  'headerless.csv': { reason: NO_FORMAT },
  'wrong-header.csv': { reason: NO_FORMAT },
  'missing-column.csv': { reason: NO_FORMAT },
  'empty.csv': { reason: /^the file is empty: no header row$/ },
  'bad-month.csv': { line: 3, field: 'month', reason: /^expected a month as YYYY-MM/ },
  'negative-count.csv': { line: 2, field: 'count', reason: NOT_WHOLE },
  'fractional-count.csv': { line: 2, field: 'count', reason: NOT_WHOLE },
  'non-numeric-count.csv': { line: 2, field: 'count', reason: NOT_WHOLE },
  'unknown-area.csv': { line: 2, field: 'area_code', reason: /^not a CSP area of the reference/ },
  'unknown-category.csv': { line: 2, field: 'category', reason: /^not a known category code$/ },
  'unknown-crime-type-street.csv': {
    line: 3,
    field: 'Crime type',
    reason: /^not a police.uk crime type$/,
  },
  'truncated-mid-row-street.csv': {
    line: 3,
    field: '(row)',
    reason: /^expected 12 fields, found 5$/,
  },
  'truncated-in-quotes-street.csv': {
    line: 3,
    field: '(row)',
    reason: /^expected 12 fields, found \d$/,
  },
  'binary-garbage.csv': { line: 1, reason: /holds a NUL byte: this is binary data/ },
  'not-utf8.csv': { line: 1, reason: /characters are not valid UTF-8/ },
  'utf16.csv': { line: 1, reason: /the file is UTF-16 text, not UTF-8: .*"CSV UTF-8/ },
  'spreadsheet-xlsx.csv': {
    line: 1,
    reason: /looks like an Excel workbook \(\.xlsx\).*save it as "CSV UTF-8 \(Comma delimited\)"/,
  },
  'spreadsheet-xls.csv': {
    line: 1,
    reason: /looks like an Excel 97-2003 spreadsheet \(\.xls\).*save it as "CSV UTF-8/,
  },
  'not-a-zip.zip': { reason: /^not-a-zip\.zip: cannot be read as a zip archive/ },
  'zip-bomb-ratio.zip': {
    reason: new RegExp(`^zip-bomb-ratio\\.zip${STREET_ENTRY}: inflates \\d+ times .*a zip bomb`),
  },
  'zip-bomb-one-line.zip': { reason: /inflates \d{4} times .* more than the 100 times/ },
  'zip-bomb-lying-sizes.zip': {
    file: `zip-bomb-lying-sizes.zip${STREET_ENTRY}`,
    reason: /^the entry's data does not match the size its header declares/,
  },
  'zip-bomb-declared-total.zip': { reason: /uncompressed, more than the 17179869184 allowed/ },
  'zip-huge-line.zip': {
    file: `zip-huge-line.zip${STREET_ENTRY}`,
    line: 2,
    reason: /the row is longer than 1,000,000 characters/,
  },
  'nested.zip': { reason: /holds another archive \(inner\/2025-01\.zip\)/ },
  'path-traversal.zip': {
    reason: /points outside the archive \(invalid relative path: \.\.\/\.\.\/2025-01\//,
  },
  'absolute-path.zip': { reason: /points outside the archive \(absolute path: \/tmp\/2025-01\// },
  // Made at test time (see hostile-files.int.test.ts).
  'huge-line.csv': { line: 2, reason: /the row is longer than 1,000,000 characters/ },
  'every-row-bad.csv': { line: 2, field: 'count', reason: NOT_WHOLE },
  'too-many-entries.zip': { reason: /holds 50001 entries, more than the 50000 allowed/ },
};

/** Files that must be accepted, with the records each publishes. */
export const ACCEPTED: Record<string, number> = {
  'accepted-spreadsheet-export.csv': 2,
  // Every CSP area of the force × every police.uk category, for the month.
  'accepted-spreadsheet-export-street.csv': 9 * 14,
  'duplicate-rows-a.csv': 1,
  'duplicate-rows-b.csv': 1,
};
