import type { FiguresUpdated } from '@crimestats/contracts';
import type { FigureRow } from '@crimestats/store';

const COMPARED = [
  'volume',
  'ratePer1000',
  'rank',
  'previousVolume',
  'percentChange',
  'complete',
] as const;

/** The published numbers of a stored figure: what a change notice compares, and carries. */
export type ComparedFigures = Pick<FigureRow, (typeof COMPARED)[number] | 'significant'>;

const figuresOf = (row: ComparedFigures): FiguresUpdated['after'] => ({
  volume: row.volume,
  ratePer1000: row.ratePer1000,
  rank: row.rank,
  previousVolume: row.previousVolume,
  percentChange: row.percentChange,
  complete: row.complete,
  significant: row.significant,
});

export const figureKey = (
  row: Pick<FigureRow, 'category' | 'months' | 'periodEnd' | 'areaCode'>,
): string => `${row.category}|${row.months}|${row.periodEnd}|${row.areaCode}`;

/**
 * Equal, for figures: rates read back from an older ClickHouse server can differ from the computed
 * double in the last bit (its float parser is not exact), which is no change anyone could see.
 */
function sameFigure(a: number | boolean | null, b: number | boolean | null): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  }
  return a === b;
}

// A recompute stamps every row with one time: its text is made once, not once per notice.
let lastTime = Number.NaN;
let lastIso = '';
function isoTime(date: Date): string {
  const time = date.getTime();
  if (time !== lastTime) {
    lastIso = date.toISOString();
    lastTime = time;
  }
  return lastIso;
}

/** What changed for one area and period, or undefined when a recompute changed nothing. */
export function figureChange(
  before: ComparedFigures | undefined,
  after: FigureRow,
): FiguresUpdated | undefined {
  // Most recomputed figures are unchanged: no array is made for them.
  let changed: (typeof COMPARED)[number][] | undefined;
  for (const field of COMPARED) {
    if (before && sameFigure(before[field], after[field])) continue;
    (changed ??= []).push(field);
  }
  if (changed === undefined) return undefined;
  return {
    areaCode: after.areaCode,
    category: after.category,
    months: after.months,
    periodEnd: after.periodEnd,
    before: before ? figuresOf(before) : null,
    after: figuresOf(after),
    changed,
    computedAt: isoTime(after.computedAt),
  };
}
