import type { FigureRow } from '@crimestats/store';
import { PLAN_COMPUTED_AT } from './plan-figures.ts';

/** One stored figure with plain numbers (South Derbyshire, total, 2025-12); override the rest. */
export function figure(overrides: Partial<FigureRow> = {}): FigureRow {
  return {
    category: 'total-recorded-crime',
    months: 12,
    periodEnd: '2025-12',
    areaCode: 'E07000039',
    areaName: 'South Derbyshire',
    areaKind: 'csp',
    volume: 6267,
    population: 106_654,
    ratePer1000: 58.760103,
    rank: 6,
    previousVolume: 6448,
    volumeChange: -181,
    percentChange: -2.807072,
    zScore: -2.27,
    significant: false,
    complete: true,
    computedAt: PLAN_COMPUTED_AT,
    version: 1n,
    ...overrides,
  };
}
