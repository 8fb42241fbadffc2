import type { FiguresEventData } from '@crimestats/contracts';
import { monthLabel } from '@crimestats/domain';
import {
  significanceMark,
  type AreaChangeRow,
  type AreaChangesAnswer,
} from '@crimestats/reporting';
import { formatCount, formatPercent } from '@crimestats/stats';

/** The most increases a digest lists above its table. */
export const MAX_INCREASES = 5;

export interface DigestInput {
  /** The event as the subscription sees it: its area, periods and links. */
  event: FiguresEventData;
  /** The area-changes answer for the area and the event's newest period. */
  answer: AreaChangesAnswer;
  /** The categories the subscription asked for; every category when empty. */
  categories: readonly string[];
  /** How many CSP areas a rank is out of. */
  rankedAreas: number;
  unsubscribeUrl: string;
}

/** The rows a subscription asked for: all of them, or its categories only. */
export function rowsFor(answer: AreaChangesAnswer, categories: readonly string[]): AreaChangeRow[] {
  if (categories.length === 0) return answer.rows;
  const wanted = new Set(categories);
  return answer.rows.filter((row) => wanted.has(row.category.code));
}

/** Complete rows that rose, largest % increase first (the answer's order), at most five. */
export const biggestIncreases = (rows: readonly AreaChangeRow[]): AreaChangeRow[] =>
  rows
    .filter((r) => r.complete && r.percentChange !== null && (r.volumeChange ?? 0) > 0)
    .slice(0, MAX_INCREASES);

/** "Burglary: +77.0% (+17), ▲ significant", or "… not significant". */
export function increaseLine(row: AreaChangeRow): string {
  const mark = significanceMark(row) || 'not significant';
  const percent = row.percentChange === null ? '' : `+${formatPercent(row.percentChange)}`;
  return `${row.category.name}: ${percent} (+${formatCount(row.volumeChange ?? 0)}), ${mark}`;
}

/** "latest month Dec 2025, loaded 2026-01-15 09:30 UTC, complete". */
export function basisLine(basis: AreaChangesAnswer['basis']): string {
  const latest = basis.latestMonth === null ? 'no data' : monthLabel(basis.latestMonth);
  const loaded =
    basis.loadedAt === null
      ? 'not loaded'
      : `${basis.loadedAt.slice(0, 10)} ${basis.loadedAt.slice(11, 16)} UTC`;
  return `latest month ${latest}, loaded ${loaded}, ${basis.complete ? 'complete' : 'incomplete (a month is missing)'}`;
}
