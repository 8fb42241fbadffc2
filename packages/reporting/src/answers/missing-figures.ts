import type { ComparisonQuery } from '../requests/comparison-query.ts';
import { describeMonthRuns, monthsLabel } from '@crimestats/domain';

/**
 * The one-line explanation when a comparison has no figures: what was asked, how to get it, and
 * which periods could be shown instead.
 */
export function missingFiguresMessage(
  query: ComparisonQuery,
  periodsAvailable: readonly string[],
): string {
  const asked = `no figures for ${query.category} over the ${monthsLabel(query.months)} ending ${query.periodEnd}`;
  const advice = 'load data with `crimestats ingest` first';
  const available =
    periodsAvailable.length === 0
      ? `there are no ${query.months}-month figures for ${query.category} at all`
      : `figures exist for periods ending ${describeMonthRuns(periodsAvailable)}`;
  return `${asked}: ${advice} (${available})`;
}
