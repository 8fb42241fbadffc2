export { apportion } from './apportion.ts';
export { PLAN_2025_TARGETS, type AnnualTarget } from './plan-2025-targets.ts';
export {
  buildPlanMonthlyCounts,
  monthlyCountsForYear,
  PLAN_CURRENT_YEAR,
  PLAN_PREVIOUS_YEAR,
  SEASONAL_PROFILES,
} from './plan-fixture.ts';
export { parsePlanTablesCsv, type PlanTableRow } from './plan-tables-csv.ts';
