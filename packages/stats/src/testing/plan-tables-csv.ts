/** One row of test/fixtures/reference/plan-tables-2025.csv, fields as printed (strings). */
export interface PlanTableRow {
  table: string;
  category: string;
  period_start: string;
  period_end: string;
  area: string;
  volume: string;
  rate_per_1000: string;
  previous_volume: string;
  volume_change: string;
  percent_change: string;
  note: string;
}

const COLUMNS = [
  'table',
  'category',
  'period_start',
  'period_end',
  'area',
  'volume',
  'rate_per_1000',
  'previous_volume',
  'volume_change',
  'percent_change',
  'note',
] as const;

/** Parses the plan tables CSV (RFC 4180 quoting, as its note column needs). */
export function parsePlanTablesCsv(text: string): PlanTableRow[] {
  const [header, ...records] = parseCsvRecords(text);
  if (header?.join(',') !== COLUMNS.join(',')) {
    throw new Error(`unexpected plan tables header: ${header?.join(',')}`);
  }
  return records.map((fields, index) => {
    if (fields.length !== COLUMNS.length) {
      throw new Error(`plan tables line ${index + 2}: expected ${COLUMNS.length} fields`);
    }
    const entries = COLUMNS.map((column, position) => [column, fields[position] ?? '']);
    return Object.fromEntries(entries) as Record<(typeof COLUMNS)[number], string>;
  });
}

function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[at + 1] === '\n') at += 1;
      fields.push(field);
      if (fields.some((value) => value !== '')) records.push(fields);
      fields = [];
      field = '';
    } else field += char;
  }
  fields.push(field);
  if (fields.some((value) => value !== '')) records.push(fields);
  return records;
}
