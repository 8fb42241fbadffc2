import { defaultAreas, liveAreaRegistry, withReferenceAreas } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { comparedAreas, cspMembersOf } from './compared-areas.ts';

const force = {
  forceCode: 'E23000099',
  forceName: 'Exampleshire',
  policeUkName: 'Exampleshire Police',
};
const noCounty = withReferenceAreas(defaultAreas, [
  { areaCode: 'E07000901', areaName: 'Alphaton', ...force },
]);
const withCounty = withReferenceAreas(noCounty, [
  {
    areaCode: 'E07000901',
    areaName: 'Alphaton',
    ...force,
    countyCode: 'E10000099',
    countyName: 'Exampleshire County',
  },
  { areaCode: 'E07000902', areaName: 'Betaby', ...force },
]);
const codes = (areas: readonly { code: string }[]) => areas.map((area) => area.code);

describe('comparedAreas', () => {
  it("lists a force's CSP areas, then its rollups ending with itself", () => {
    const compared = comparedAreas(withCounty, 'E23000099');
    expect(codes(compared.csps)).toEqual(['E07000901', 'E07000902']);
    expect(codes(compared.rollups)).toEqual(['E10000099', 'E23000099']);
  });

  it('follows a live registry to a later load, not what it remembered of the earlier one', () => {
    let current = noCounty;
    const live = liveAreaRegistry(() => current);
    expect(codes(comparedAreas(live, 'E23000099').rollups)).toEqual(['E23000099']);
    expect(codes(cspMembersOf(live, 'E23000099'))).toEqual(['E07000901']);
    current = withCounty;
    expect(codes(comparedAreas(live, 'E23000099').rollups)).toEqual(['E10000099', 'E23000099']);
    expect(codes(cspMembersOf(live, 'E23000099'))).toEqual(['E07000901', 'E07000902']);
  });
});
