import { describe, expect, it } from 'vitest';
import { parseMonth } from '@crimestats/domain';
import { answerBasis } from './answer-basis.ts';

const data = { latestMonth: parseMonth('2025-12'), loadedAt: new Date('2026-01-15T09:30:00Z') };

describe('answerBasis', () => {
  it('names the data and load it rests on, and says whether every figure is complete', () => {
    expect(answerBasis([{ complete: true }, { complete: true }], data)).toEqual({
      latestMonth: '2025-12',
      loadedAt: '2026-01-15T09:30:00.000Z',
      complete: true,
    });
    expect(answerBasis([{ complete: true }, { complete: false }], data).complete).toBe(false);
  });

  it('is not complete without figures, and has no month or load without data', () => {
    expect(answerBasis([], null)).toEqual({ latestMonth: null, loadedAt: null, complete: false });
    expect(answerBasis([], { latestMonth: data.latestMonth, loadedAt: null })).toEqual({
      latestMonth: '2025-12',
      loadedAt: null,
      complete: false,
    });
  });
});
