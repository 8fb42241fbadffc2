import { defaultAreas, withReferenceAreas, type ReferenceAreaRow } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { forcesChanged } from './reference-changes.ts';

const row = (areaCode: string, countyCode: string, areaName = 'Alphaton'): ReferenceAreaRow => ({
  areaCode,
  areaName,
  forceCode: 'E23000099',
  forceName: 'Exampleshire Police',
  policeUkName: 'Exampleshire Police',
  countyCode,
  countyName: countyCode === 'E10000098' ? 'Westshire' : 'Eastshire',
});

describe('forcesChanged', () => {
  const before = withReferenceAreas(defaultAreas, [
    row('E07000901', 'E10000098'),
    row('E07000902', 'E10000099', 'Betaby'),
  ]);

  it('names a force whose area moves county or is renamed, and none for the same load again', () => {
    expect(
      forcesChanged(before, withReferenceAreas(before, [row('E07000901', 'E10000098')])),
    ).toEqual([]);
    expect(
      forcesChanged(before, withReferenceAreas(before, [row('E07000901', 'E10000099')])),
    ).toEqual(['E23000099']);
    expect(
      forcesChanged(before, withReferenceAreas(before, [row('E07000901', 'E10000098', 'Alpha')])),
    ).toEqual(['E23000099']);
  });

  it('names a new force, and not Derbyshire when another force changes', () => {
    expect(forcesChanged(defaultAreas, before)).toEqual(['E23000099']);
  });
});
