import { describe, expect, it } from 'vitest';
import {
  areaByCode,
  areaByName,
  categoryByCode,
  cspAreas,
  cspMembersOf,
  defaultAreas,
  defaultCategories,
  defaultPopulations,
  rollups,
} from './default-reference.ts';
import { populationRowsFromCsv } from './reference-data.ts';

const CSP_CODES = [
  'E07000032',
  'E07000033',
  'E07000034',
  'E07000035',
  'E07000036',
  'E07000037',
  'E07000038',
  'E07000039',
  'E06000015',
];
const POLICE_UK_TYPES = [
  'Anti-social behaviour',
  'Bicycle theft',
  'Burglary',
  'Criminal damage and arson',
  'Drugs',
  'Other crime',
  'Other theft',
  'Possession of weapons',
  'Public order',
  'Robbery',
  'Shoplifting',
  'Theft from the person',
  'Vehicle crime',
  'Violence and sexual offences',
];

describe('default areas', () => {
  it('has the nine CSP areas with their ONS codes', () => {
    expect(cspAreas().map((area) => area.code)).toEqual(CSP_CODES);
    expect(areaByCode('E07000039')?.name).toBe('South Derbyshire');
    expect(areaByName('Derby City')?.code).toBe('E06000015');
    expect(areaByName('Derby')?.code).toBe('E06000015');
    expect(defaultAreas.byLsoaName('Derby 012A')?.code).toBe('E06000015');
    expect(defaultAreas.byLsoaName('Derbyshire Dales 001A')?.code).toBe('E07000035');
  });

  it('has the county (eight districts) and force (all nine) rollups', () => {
    expect(rollups().map((area) => [area.code, area.name, area.kind])).toEqual([
      ['E10000007', 'County Council area', 'county'],
      ['E23000018', 'Force area', 'force'],
    ]);
    expect(cspMembersOf('E10000007').map((area) => area.code)).toEqual(
      CSP_CODES.filter((code) => code !== 'E06000015'),
    );
    expect(cspMembersOf('E23000018').map((area) => area.code)).toEqual(CSP_CODES);
    expect(defaultAreas.rollupsWithin('E23000018').map((area) => area.code)).toEqual(['E10000007']);
  });

  it('names the force and its police.uk value', () => {
    expect(defaultAreas.get('E23000018').policeForce).toEqual({
      name: 'Derbyshire Constabulary',
      policeUkName: 'Derbyshire Constabulary',
    });
    expect(defaultAreas.forceByPoliceUkName('Derbyshire Constabulary')?.code).toBe('E23000018');
  });
});

describe('default categories', () => {
  it("has police.uk's 14 crime types, found by their labels", () => {
    for (const label of POLICE_UK_TYPES) {
      expect(defaultCategories.byLabel(label)?.source, label).toBe('police-uk');
    }
    expect(defaultCategories.bySource('police-uk')).toHaveLength(14);
  });

  it('derives total recorded crime from the 13 police.uk crime types, each once, never ASB', () => {
    const reached: string[] = [];
    const walk = (code: string): void => {
      for (const child of defaultCategories.derivationChildrenOf(code)) {
        if (child.source === 'police-uk') reached.push(child.label);
        else walk(child.code);
      }
    };
    walk('total-recorded-crime');
    expect(reached.sort()).toEqual(
      POLICE_UK_TYPES.filter((label) => label !== 'Anti-social behaviour').sort(),
    );
    expect(categoryByCode('anti-social-behaviour')).toMatchObject({
      parent: null,
      name: 'Anti-social behaviour incidents',
    });
    expect(categoryByCode('total-recorded-crime')?.name).toBe('Total recorded crime');
  });

  it("places the plan's Home Office categories under the police.uk type they fall within", () => {
    const path = (code: string) => defaultCategories.ancestorsOf(code).map((c) => c.code);
    expect(path('burglary-business-and-community')).toEqual([
      'non-domestic-burglary',
      'burglary',
      'theft-offences',
      'total-recorded-crime',
    ]);
    expect(path('theft-of-a-motor-vehicle')).toEqual([
      'vehicle-offences',
      'vehicle-crime',
      'theft-offences',
      'total-recorded-crime',
    ]);
    expect(path('trafficking-of-drugs')).toEqual([
      'drug-offences',
      'drugs',
      'total-recorded-crime',
    ]);
    expect(path('stalking-and-harassment')).toEqual([
      'violence-against-the-person',
      'violence-and-sexual-offences',
      'total-recorded-crime',
    ]);
  });

  it('derives every parent from its children, except the one whose child is only a part', () => {
    const suppliedOnly = defaultCategories
      .all()
      .filter((category) => category.derivation === 'supplied-only')
      .map((category) => category.code);
    expect(suppliedOnly).toEqual(['non-domestic-burglary']);
    expect(defaultCategories.childrenOf('non-domestic-burglary').map((c) => c.code)).toEqual([
      'burglary-business-and-community',
    ]);
  });
});

describe('default populations', () => {
  it('has the 2025 populations, the county carrying its own for 2025 only', () => {
    expect(defaultPopulations.populationOf('E07000039', 2025, defaultAreas)).toBe(106654);
    expect(defaultPopulations.populationOf('E06000015', 2025, defaultAreas)).toBe(274144);
    expect(defaultPopulations.populationOf('E10000007', 2025, defaultAreas)).toBe(822345);
    expect(defaultPopulations.populationOf('E23000018', 2025, defaultAreas)).toBe(1096489);
    // Other years: the eight districts' 811,531, and the force that plus Derby City.
    expect(defaultPopulations.populationOf('E10000007', 2026, defaultAreas)).toBe(811531);
    expect(defaultPopulations.populationOf('E23000018', 2026, defaultAreas)).toBe(1085675);
  });

  it("gives a rollup no row that only repeats its members' sum", () => {
    for (const { areaCode, year, population } of defaultPopulations.rows()) {
      const { members } = defaultAreas.get(areaCode);
      if (members.length === 0) continue;
      const sum = members.reduce(
        (total, member) =>
          total + (defaultPopulations.populationOf(member, year, defaultAreas) ?? 0),
        0,
      );
      expect(population, `${areaCode} ${year}`).not.toBe(sum);
    }
  });
});

describe('populationRowsFromCsv', () => {
  it('reads the contract form', () => {
    expect(populationRowsFromCsv('area_code,year,population\r\nE07000039,2025,106654\r\n')).toEqual(
      [{ areaCode: 'E07000039', year: 2025, population: 106654 }],
    );
  });
});
