import type { MonthlyRecord } from '@crimestats/contracts';
import type { AreaRegistry, Area } from '@crimestats/domain';
import type { ParsedFile } from './parsers/types.ts';

export interface BatchIdentity {
  file: string;
  revision: number;
  batchId: string;
}

/**
 * The records a parsed file publishes. A whole-month source speaks for every CSP area of the force
 * and every category it covers, so absent combinations are published as zeros.
 */
export function recordsOf(
  parsed: Extract<ParsedFile, { kind: 'counts' }>,
  areas: AreaRegistry,
  force: Area,
  batch: BatchIdentity,
): MonthlyRecord[] {
  const base = {
    source: { kind: parsed.sourceKind, file: batch.file },
    revision: batch.revision,
    batchId: batch.batchId,
  };
  if (!parsed.wholeMonths) {
    return [...parsed.counts.entries()].map((e) => ({ ...base, ...e }));
  }
  const records: MonthlyRecord[] = [];
  const csps = areas.cspMembersOf(force.code);
  for (const month of [...parsed.months].sort()) {
    for (const area of csps) {
      for (const category of parsed.categories) {
        const count = parsed.counts.get(area.code, category, month) ?? 0;
        records.push({ ...base, areaCode: area.code, category, month, months: 1, count });
      }
    }
  }
  return records;
}
