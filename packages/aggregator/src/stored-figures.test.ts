import type { FigureSummary } from '@crimestats/store';
import { describe, expect, it } from 'vitest';
import { StoredFigures } from './stored-figures.ts';

const summary = (overrides: Partial<FigureSummary>): FigureSummary => ({
  category: 'vehicle-crime',
  months: 12,
  periodEnd: '2025-12',
  areaCode: 'E06000015',
  volume: 10,
  ratePer1000: 1.5,
  rank: 1,
  previousVolume: 9,
  percentChange: 11.1,
  complete: true,
  significant: false,
  ...overrides,
});

describe('StoredFigures', () => {
  it('finds a stored figure by category and period end, then area code', () => {
    const derby = summary({});
    const later = summary({ periodEnd: '2026-01', volume: 11 });
    const other = summary({ category: 'burglary', areaCode: 'E07000039' });
    const stored = StoredFigures.of([derby, later, other]);
    expect(stored.period('vehicle-crime', '2025-12')?.get('E06000015')).toBe(derby);
    expect(stored.period('vehicle-crime', '2026-01')?.get('E06000015')).toBe(later);
    expect(stored.period('burglary', '2025-12')?.get('E07000039')).toBe(other);
    expect(stored.period('burglary', '2025-12')?.get('E06000015')).toBeUndefined();
    expect(stored.period('burglary', '2026-01')).toBeUndefined();
  });
});
