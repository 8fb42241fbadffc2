/**
 * The contract's category code: the label lower-cased, every run of non-alphanumerics turned
 * into one `-`, trimmed of leading and trailing `-`.
 * `Burglary - business and community` → `burglary-business-and-community`.
 * Alphanumeric means ASCII a–z and 0–9: codes travel in URLs and command lines.
 */
export function categoryCodeFromLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
