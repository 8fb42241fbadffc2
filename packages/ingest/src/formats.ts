import type { InputFormat } from '@crimestats/contracts';

/** Columns each format must have; a header holding all of one format's columns is that format. */
export const REQUIRED_COLUMNS: Record<InputFormat, readonly (readonly string[])[]> = {
  'police-uk': [['Month'], ['Falls within'], ['LSOA code'], ['LSOA name'], ['Crime type']],
  'monthly-counts': [['month'], ['area_code'], ['category'], ['count']],
  population: [['area_code'], ['year'], ['population']],
  'home-office-csp': [
    ['Financial Year'],
    ['Financial Quarter'],
    ['CSP Name'],
    ['Offence Subgroup'],
    ['Number of Offences', 'Offence Count'],
  ],
};

/** The column index of each required column (first of its alternatives present), or the ones missing. */
export function columnIndices(
  format: InputFormat,
  header: string[],
): { indices: Map<string, number>; missing: string[] } {
  const indices = new Map<string, number>();
  const missing: string[] = [];
  for (const alternatives of REQUIRED_COLUMNS[format]) {
    const found = alternatives.find((name) => header.includes(name));
    if (found === undefined) missing.push(alternatives.join(' or '));
    else indices.set(alternatives[0]!, header.indexOf(found));
  }
  return { indices, missing };
}

export function detectFormat(header: string[]): InputFormat | undefined {
  const formats = Object.keys(REQUIRED_COLUMNS) as InputFormat[];
  return formats.find((format) => columnIndices(format, header).missing.length === 0);
}
