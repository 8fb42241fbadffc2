import { monthFromParts, type MonthlyCount } from '@crimestats/domain';
import { apportion } from './apportion.ts';
import { PLAN_2025_TARGETS, type AnnualTarget } from './plan-2025-targets.ts';

export const PLAN_CURRENT_YEAR = 2025;
export const PLAN_PREVIOUS_YEAR = 2024;

/**
 * Relative monthly weights, January first: crime runs a little higher in the long summer
 * evenings, anti-social behaviour markedly so. Only the shape matters; each year's months are
 * apportioned to sum exactly to the annual figure.
 */
export const SEASONAL_PROFILES: Readonly<Record<string, readonly number[]>> = {
  crime: [0.93, 0.86, 0.97, 0.97, 1.04, 1.03, 1.09, 1.07, 1.0, 1.03, 0.99, 1.02],
  'anti-social-behaviour': [0.8, 0.76, 0.9, 1.0, 1.12, 1.15, 1.25, 1.2, 1.0, 1.05, 0.92, 0.85],
};

function profileFor(category: string): readonly number[] {
  return SEASONAL_PROFILES[category] ?? (SEASONAL_PROFILES['crime'] as readonly number[]);
}

/** One calendar year of monthly counts for an area and category, summing to `annualTotal`. */
export function monthlyCountsForYear(
  areaCode: string,
  category: string,
  year: number,
  annualTotal: number,
): MonthlyCount[] {
  return apportion(annualTotal, profileFor(category)).map((count, position) => ({
    areaCode,
    category,
    month: monthFromParts(year, position + 1),
    count,
  }));
}

/**
 * Monthly counts for 2024-01..2025-12, every CSP area and every category of the plan's tables,
 * whose 12-month sums are the plan's figures. The demo's sample data comes from the same series.
 */
export function buildPlanMonthlyCounts(
  targets: readonly AnnualTarget[] = PLAN_2025_TARGETS,
): MonthlyCount[] {
  return targets.flatMap(({ areaCode, category, current, previous }) => [
    ...monthlyCountsForYear(areaCode, category, PLAN_PREVIOUS_YEAR, previous),
    ...monthlyCountsForYear(areaCode, category, PLAN_CURRENT_YEAR, current),
  ]);
}
