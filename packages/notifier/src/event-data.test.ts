import type { FiguresUpdated } from '@crimestats/contracts';
import { defaultAreas, defaultCategories } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { figuresEventData, namesFrom } from './event-data.ts';

const names = namesFrom(defaultAreas, defaultCategories);
const links = { publicUrl: 'http://127.0.0.1:8080' };

const notice = (
  category: string,
  periodEnd: string,
  volume: number,
  previousVolume: number | null,
  areaCode = 'E07000039',
): FiguresUpdated => ({
  areaCode,
  category,
  months: 12,
  periodEnd,
  before: null,
  after: {
    volume,
    ratePer1000: volume / 100.123,
    rank: 3,
    previousVolume,
    percentChange: previousVolume ? ((volume - previousVolume) * 100) / previousVolume : null,
    complete: true,
    significant: false,
  },
  changed: ['volume'],
  computedAt: '2026-01-01T00:00:00.000Z',
});

describe('figuresEventData', () => {
  it('groups an area notices by period, newest first, keeping the latest per figure', () => {
    const data = figuresEventData(
      'E07000039',
      [
        notice('total-recorded-crime', '2025-11', 10, 8),
        notice('total-recorded-crime', '2025-12', 11, null),
        notice('burglary', '2025-12', 3, 4),
        notice('total-recorded-crime', '2025-12', 12, 9),
        notice('total-recorded-crime', '2025-12', 99, 9, 'E06000015'),
      ],
      names,
      links,
    );
    expect(data.area).toEqual({ code: 'E07000039', name: 'South Derbyshire' });
    expect(data.periods.map((p) => p.period)).toEqual([
      { start: '2025-01', end: '2025-12', months: 12 },
      { start: '2024-12', end: '2025-11', months: 12 },
    ]);
    const december = data.periods[0]!.categories;
    expect(december.map((c) => [c.code, c.volume, c.volumeChange])).toEqual([
      ['burglary', 3, -1],
      ['total-recorded-crime', 12, 3],
    ]);
    // Unrounded, as the comparison answer gives them.
    expect(december[1]!.ratePer1000).toBe(12 / 100.123);
    expect(december[1]!.name).toBe('Total recorded crime');
    expect(data.links.comparisons).toBe(
      'http://127.0.0.1:8080/v1/comparisons?category=total-recorded-crime&period=2025-12&months=12',
    );
    expect(data.links.dashboard).toBe(
      'http://127.0.0.1:8080/?area=E07000039&period=2025-12&months=12',
    );
  });

  it('has no volume change without a previous volume, and null significance from old notices', () => {
    const old = notice('burglary', '2025-12', 3, null);
    delete old.after.significant;
    const [category] = figuresEventData('E07000039', [old], names, links).periods[0]!.categories;
    expect(category).toMatchObject({ volumeChange: null, percentChange: null, significant: null });
  });
});
