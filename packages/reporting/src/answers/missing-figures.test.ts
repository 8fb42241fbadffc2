import { describe, expect, it } from 'vitest';
import { missingFiguresMessage } from './missing-figures.ts';

const query = { category: 'vehicle-crime', periodEnd: '2026-03', months: 12 };

describe('missingFiguresMessage', () => {
  it('says what is missing, how to load it, and which periods there are', () => {
    expect(missingFiguresMessage(query, ['2024-12', '2025-01', '2025-02', '2025-12'])).toBe(
      'no figures for vehicle-crime over the 12 months ending 2026-03: load data with ' +
        '`crimestats ingest` first (figures exist for periods ending 2024-12 to 2025-02, 2025-12)',
    );
  });

  it('says when there are no figures for the category at all', () => {
    expect(missingFiguresMessage({ ...query, months: 1 }, [])).toBe(
      'no figures for vehicle-crime over the 1 month ending 2026-03: load data with ' +
        '`crimestats ingest` first (there are no 1-month figures for vehicle-crime at all)',
    );
  });
});
