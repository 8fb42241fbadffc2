export { measureArea, type AreaMeasures } from './area-measures.ts';
export { CategoryResolver, type ResolvedCount } from './category-resolver.ts';
export { comparedAreas, type ComparedAreas } from './compared-areas.ts';
export { compareAreas, type ComparisonReference, type ComparisonRequest } from './comparison.ts';
export type { Comparison, ComparisonRow } from './comparison-rows.ts';
export { compareAreasSeries, type ComparisonSeriesRequest } from './comparison-series.ts';
export { CountIndex, type CountLookup } from './count-index.ts';
export { fillParentCategories } from './fill-parents.ts';
export {
  categoriesNeededFor,
  cspCodesOf,
  figureComparisons,
  periodEndsWithData,
  reachedByData,
} from './figure-scope.ts';
export { competitionRanks } from './ranking.ts';
export { percentChange, ratePer1000, volumeChange } from './rates.ts';
export {
  PERCENT_DECIMALS,
  RATE_DECIMALS,
  roundHalfAwayFromZero,
  roundPercent,
  roundRate,
  toFixedHalfAwayFromZero,
} from './rounding.ts';
export { isSignificant, poissonZScore, SIGNIFICANCE_THRESHOLD } from './significance.ts';
export { combineWindowTotals, windowTotal, type WindowTotal } from './window-totals.ts';
export {
  MISSING,
  formatCount,
  formatPercent,
  formatPercentNumber,
  formatRate,
  groupThousands,
  orMissing,
} from './number-format.ts';
