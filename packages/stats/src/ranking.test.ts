import { describe, expect, it } from 'vitest';
import { competitionRanks } from './ranking.ts';

describe('competitionRanks', () => {
  it('ranks the highest value first', () => {
    expect(competitionRanks([1, 3, 2])).toEqual([3, 1, 2]);
  });

  it('shares a rank on ties and skips after them (1224)', () => {
    expect(competitionRanks([9, 5, 5, 1])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([5, 5, 5])).toEqual([1, 1, 1]);
    expect(competitionRanks([1, 9, 9, 9, 0])).toEqual([4, 1, 1, 1, 5]);
  });

  it('leaves nulls unranked and ranks the rest among themselves', () => {
    expect(competitionRanks([null, 2, 7, null])).toEqual([null, 2, 1, null]);
    expect(competitionRanks([])).toEqual([]);
  });
});
