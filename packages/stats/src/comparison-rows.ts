import type { Area, AreaKind, Category, Window } from '@crimestats/domain';
import type { AreaMeasures } from './area-measures.ts';
import type { ComparedAreas } from './compared-areas.ts';
import { competitionRanks } from './ranking.ts';
import { RATE_DECIMALS, roundHalfAwayFromZero } from './rounding.ts';

/** One row of the contract's comparison answer, plus the significance test of the change. */
export interface ComparisonRow {
  area: { code: string; name: string; kind: AreaKind };
  volume: number;
  population: number | null;
  ratePer1000: number | null;
  /** 1 for the highest rate; ties share a rank; null for rollups and for unknown rates. */
  rank: number | null;
  previousVolume: number | null;
  volumeChange: number | null;
  percentChange: number | null;
  complete: boolean;
  zScore: number | null;
  significant: boolean | null;
}

/** The contract's comparison answer. */
export interface Comparison {
  category: { code: string; name: string };
  period: Window;
  rows: ComparisonRow[];
}

/**
 * One comparison from each area's measures: the CSP areas by rate, highest first (ranked on rates
 * rounded to `rankDecimals` by `round`, ties in name order), then the rollups as listed, unranked.
 * Shared by compareAreas and compareAreasSeries, which differ only in how they total the windows
 * and in the (equal) rounding they rank with.
 */
export function assembleComparison(
  category: Category,
  period: Window,
  compared: ComparedAreas,
  measure: (area: Area) => AreaMeasures,
  rankDecimals: number | null = RATE_DECIMALS,
  round: (value: number, decimals: number) => number = roundHalfAwayFromZero,
): Comparison {
  const csps = compared.csps.map((area) => ({ area, ...measure(area) }));
  const ranks = competitionRanks(
    csps.map(({ ratePer1000 }) =>
      ratePer1000 === null || rankDecimals === null
        ? ratePer1000
        : round(ratePer1000, rankDecimals),
    ),
  );
  const cspRows = csps
    .map((csp, position) => toRow(csp.area, csp, ranks[position] ?? null))
    .sort(byRankThenName);
  const rollupRows = compared.rollups.map((area) => toRow(area, measure(area), null));
  return {
    category: { code: category.code, name: category.name },
    period,
    rows: [...cspRows, ...rollupRows],
  };
}

// Builds the row field by field so its JSON keys come out in the contract's order.
function toRow(area: Area, measures: AreaMeasures, rank: number | null): ComparisonRow {
  return {
    area: { code: area.code, name: area.name, kind: area.kind },
    volume: measures.volume,
    population: measures.population,
    ratePer1000: measures.ratePer1000,
    rank,
    previousVolume: measures.previousVolume,
    volumeChange: measures.volumeChange,
    percentChange: measures.percentChange,
    complete: measures.complete,
    zScore: measures.zScore,
    significant: measures.significant,
  };
}

function byRankThenName(a: ComparisonRow, b: ComparisonRow): number {
  const rankA = a.rank ?? Number.POSITIVE_INFINITY;
  const rankB = b.rank ?? Number.POSITIVE_INFINITY;
  if (rankA !== rankB) return rankA - rankB;
  return a.area.name < b.area.name ? -1 : a.area.name > b.area.name ? 1 : 0;
}
