import { describe, expect, it } from 'vitest';
import { measureArea } from './area-measures.ts';
import type { WindowTotal } from './window-totals.ts';

const whole = (volume: number): WindowTotal => ({ volume, hasData: true, complete: true });
const partial = (volume: number): WindowTotal => ({ volume, hasData: true, complete: false });

describe('measureArea', () => {
  it('tests the change of two complete windows', () => {
    const measures = measureArea(whole(180), whole(120), 1000);
    expect(measures.zScore).toBeCloseTo(2 * (Math.sqrt(180) - Math.sqrt(120)), 12);
    expect(measures).toMatchObject({ complete: true, significant: true, percentChange: 50 });
  });

  it.each([
    ['the current window has', partial(180), whole(120)],
    ['the previous window has', whole(180), partial(120)],
    ['both windows have', partial(180), partial(120)],
  ])('never tests a change when %s a month missing', (_which, current, previous) => {
    const measures = measureArea(current, previous, 1000);
    expect(measures).toMatchObject({ complete: false, zScore: null, significant: null });
    // The figures themselves stay, for whoever wants them; only the test is withheld.
    expect(measures).toMatchObject({ previousVolume: 120, volumeChange: 60, percentChange: 50 });
  });

  it('has no test without a previous window', () => {
    const measures = measureArea(whole(12), { volume: 0, hasData: false, complete: false }, 1000);
    expect(measures).toMatchObject({ previousVolume: null, zScore: null, significant: null });
  });
});
