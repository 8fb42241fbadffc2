import { defaultReference, MonthlyCountSchema } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { PLAN_2025_TARGETS } from './plan-2025-targets.ts';
import { buildPlanMonthlyCounts } from './plan-fixture.ts';

describe('buildPlanMonthlyCounts', () => {
  const counts = buildPlanMonthlyCounts();

  it('covers 2024-01..2025-12 for the nine CSP areas and four plan categories', () => {
    expect(counts).toHaveLength(24 * 9 * 4);
    const months = [...new Set(counts.map((record) => record.month))].sort();
    expect(months[0]).toBe('2024-01');
    expect(months.at(-1)).toBe('2025-12');
    expect(new Set(counts.map((record) => record.areaCode))).toEqual(
      new Set(defaultReference.areas.cspAreas().map((area) => area.code)),
    );
    for (const record of counts) {
      expect(MonthlyCountSchema.parse(record)).toEqual(record);
      expect(defaultReference.categories.byCode(record.category)).toBeDefined();
    }
  });

  it('adds up to every annual target', () => {
    for (const target of PLAN_2025_TARGETS) {
      const sum = (year: string) =>
        counts
          .filter(
            (record) =>
              record.areaCode === target.areaCode &&
              record.category === target.category &&
              record.month.startsWith(year),
          )
          .reduce((total, record) => total + record.count, 0);
      expect([sum('2025'), sum('2024')]).toEqual([target.current, target.previous]);
    }
  });

  it('is deterministic', () => {
    expect(buildPlanMonthlyCounts()).toEqual(counts);
  });
});
