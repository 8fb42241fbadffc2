import { fileURLToPath } from 'node:url';
import type { MonthlyCount } from '@crimestats/domain';

/**
 * The bundled sample: Derbyshire monthly counts for 2024 and 2025 whose twelve-month figures are
 * the South Derbyshire CSP plan's tables. Made from the same series as the statistics core's
 * golden test (`buildPlanMonthlyCounts`); a test keeps the file and the series in step.
 */
export const SAMPLE_FILE = fileURLToPath(
  new URL('../samples/derbyshire-plan-2024-2025.csv', import.meta.url),
);

export function monthlyCountsCsv(counts: readonly MonthlyCount[]): string {
  const lines = counts.map((c) => `${c.month},${c.areaCode},${c.category},${c.count}`);
  return `month,area_code,category,count\n${lines.join('\n')}\n`;
}
