import { describe, expect, it } from 'vitest';
import { answerBasis } from './answer-basis.ts';

const load = { latestMonth: '2025-12', loadedAt: new Date('2026-01-15T09:30:00Z') };

describe('answerBasis', () => {
  it('names the latest load and says whether every figure is complete', () => {
    expect(answerBasis([{ complete: true }, { complete: true }], load)).toEqual({
      latestMonth: '2025-12',
      loadedAt: '2026-01-15T09:30:00.000Z',
      complete: true,
    });
    expect(answerBasis([{ complete: true }, { complete: false }], load).complete).toBe(false);
  });

  it('is not complete without figures, and has no load before the first one', () => {
    expect(answerBasis([], null)).toEqual({ latestMonth: null, loadedAt: null, complete: false });
  });
});
