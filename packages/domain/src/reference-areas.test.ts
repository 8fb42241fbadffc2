import { describe, expect, it } from 'vitest';
import { defaultAreas } from './default-reference.ts';
import { withReferenceAreas, type ReferenceAreaRow } from './reference-areas.ts';

const exampleshire = (areaCode: string, areaName: string, county = true): ReferenceAreaRow => ({
  areaCode,
  areaName,
  forceCode: 'E23000099',
  forceName: 'Exampleshire Police',
  policeUkName: 'Exampleshire Police',
  ...(county ? { countyCode: 'E10000099', countyName: 'Exampleshire County' } : {}),
});

describe('withReferenceAreas', () => {
  it('adds a force with its county and CSP areas beside the defaults', () => {
    const areas = withReferenceAreas(defaultAreas, [
      exampleshire('E07000901', 'Alphaton'),
      exampleshire('E07000902', 'Betaby'),
      exampleshire('E06000903', 'Gamma City', false),
    ]);
    expect(areas.cspMembersOf('E23000018')).toEqual(defaultAreas.cspMembersOf('E23000018'));
    expect(areas.cspMembersOf('E23000099').map((a) => a.code)).toEqual([
      'E07000901',
      'E07000902',
      'E06000903',
    ]);
    expect(areas.get('E23000099')).toMatchObject({
      kind: 'force',
      name: 'Exampleshire Police',
      members: ['E10000099', 'E06000903'],
    });
    expect(areas.get('E10000099')).toMatchObject({ kind: 'county', name: 'Exampleshire County' });
    expect(areas.forceByPoliceUkName('Exampleshire Police')?.code).toBe('E23000099');
    expect(areas.rollupsWithin('E23000099').map((a) => a.code)).toEqual(['E10000099']);
    expect(areas.byLsoaName('Betaby 001A')?.code).toBe('E07000902');
  });

  it('corrects a default area, keeping its aliases and the rollups’ printed names', () => {
    const areas = withReferenceAreas(defaultAreas, [
      {
        areaCode: 'E06000015',
        areaName: 'City of Derby',
        forceCode: 'E23000018',
        forceName: 'Derbyshire',
        policeUkName: 'Derbyshire Constabulary',
      },
    ]);
    expect(areas.get('E06000015')).toMatchObject({ name: 'City of Derby', aliases: ['Derby'] });
    expect(areas.get('E23000018').name).toBe('Force area');
    expect(areas.cspAreas()).toHaveLength(9);
  });

  it('moves an area to another rollup and drops a rollup left empty', () => {
    const areas = withReferenceAreas(defaultAreas, [
      exampleshire('E07000901', 'Alphaton'),
      { ...exampleshire('E07000902', 'Betaby'), countyCode: 'E10000098', countyName: 'Other' },
      { ...exampleshire('E07000902', 'Betaby'), countyCode: 'E10000097', countyName: 'Third' },
    ]);
    expect(areas.byCode('E10000098')).toBeUndefined();
    expect(areas.get('E23000099').members).toEqual(['E10000099', 'E10000097']);
  });

  it('refuses a row that makes a rollup a CSP area', () => {
    expect(() =>
      withReferenceAreas(defaultAreas, [exampleshire('E10000007', 'County Council area')]),
    ).toThrow(/county area, not a CSP area/);
  });

  it('names a new rollup after its kind when ONS gives the force and county one name', () => {
    const areas = withReferenceAreas(defaultAreas, [
      {
        ...exampleshire('E07000901', 'Alphaton'),
        countyName: 'Exampleshire',
        forceName: 'Exampleshire',
      },
    ]);
    expect(areas.get('E23000099').name).toBe('Exampleshire force area');
    expect(areas.get('E10000099').name).toBe('Exampleshire county area');
  });

  it('refuses two CSP areas of one name, saying so', () => {
    expect(() => withReferenceAreas(defaultAreas, [exampleshire('E07000901', 'Erewash')])).toThrow(
      /name "Erewash" is used by more than one area/,
    );
  });

  it('returns the defaults themselves when nothing is loaded', () => {
    expect(withReferenceAreas(defaultAreas, [])).toBe(defaultAreas);
  });
});
