/**
 * The categories the Safer Communities Board's comparison tables show, in the Board pack's order,
 * each with the short title the plan gives its table. They are the four tables of the South
 * Derbyshire CSP plan 2026–2029 (shared/reference/south-derbyshire-csp-plan-2026-2029.md;
 * reproduced in test/fixtures/reference/plan-tables-2025.csv): every district's plan sets the
 * nine CSP areas side by side for these. The short title fits a worksheet tab (31 characters),
 * which "Burglary - business and community" does not.
 */
export const PLAN_CATEGORIES = [
  { code: 'total-recorded-crime', shortTitle: 'Total crime' },
  { code: 'anti-social-behaviour', shortTitle: 'Anti-social behaviour' },
  { code: 'burglary-business-and-community', shortTitle: 'Business burglary' },
  { code: 'theft-of-a-motor-vehicle', shortTitle: 'Theft of motor vehicle' },
] as const;

export type PlanCategory = (typeof PLAN_CATEGORIES)[number];

/** The plan categories' codes, in the same order. */
export const PLAN_CATEGORY_CODES: readonly PlanCategory['code'][] = PLAN_CATEGORIES.map(
  (category) => category.code,
);
