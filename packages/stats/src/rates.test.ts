import { describe, expect, it } from 'vitest';
import { percentChange, ratePer1000, volumeChange } from './rates.ts';

describe('ratePer1000', () => {
  it('is volume per 1,000 people', () => {
    expect(ratePer1000(30526, 274144)).toBeCloseTo(111.3502, 4);
    expect(ratePer1000(0, 1000)).toBe(0);
  });

  it('is null without a usable population', () => {
    expect(ratePer1000(5, null)).toBeNull();
    expect(ratePer1000(5, 0)).toBeNull();
  });
});

describe('changes', () => {
  it('gives the volume and % change against the previous window', () => {
    expect(volumeChange(30526, 29891)).toBe(635);
    expect(percentChange(30526, 29891)).toBeCloseTo(2.1244, 4);
    expect(percentChange(5, 10)).toBe(-50);
  });

  it('has no change without a previous volume, and no % change from zero', () => {
    expect(volumeChange(5, null)).toBeNull();
    expect(percentChange(5, null)).toBeNull();
    expect(volumeChange(5, 0)).toBe(5);
    expect(percentChange(5, 0)).toBeNull();
  });
});
