import { describe, expect, it } from 'vitest';
import { AreaRegistry } from './area-registry.ts';

const csp = (code: string, name: string) => ({ code, name, kind: 'csp' });
const force = {
  code: 'E23000099',
  name: 'Test force area',
  kind: 'force',
  members: ['E10000099', 'E06000099'],
  policeForce: { name: 'Test Constabulary', policeUkName: 'Test Police' },
};
const rows = [
  csp('E07000091', 'Alpha'),
  csp('E07000092', 'Beta'),
  { ...csp('E06000099', 'Gamma City'), aliases: ['Gamma'] },
  { code: 'E10000099', name: 'Test county', kind: 'county', members: ['E07000091', 'E07000092'] },
  force,
];

describe('AreaRegistry', () => {
  const registry = AreaRegistry.fromRows(rows);

  it('looks areas up by code and by exact name or alias', () => {
    expect(registry.byCode('E07000092')?.name).toBe('Beta');
    expect(registry.byCode('E07000000')).toBeUndefined();
    expect(registry.byName('Gamma City')?.code).toBe('E06000099');
    expect(registry.byName('Gamma')?.code).toBe('E06000099');
    expect(registry.byName('gamma')).toBeUndefined();
    expect(() => registry.get('E07000000')).toThrow(RangeError);
  });

  it('resolves LSOA names to CSP areas only', () => {
    expect(registry.byLsoaName('Gamma 012A')?.code).toBe('E06000099');
    expect(registry.byLsoaName('Beta 001B')?.code).toBe('E07000092');
    expect(registry.byLsoaName('Gamma')).toBeUndefined();
    expect(registry.byLsoaName('Gammaville 001A')).toBeUndefined();
    expect(registry.byLsoaName('Test county 001A')).toBeUndefined();
  });

  it('separates CSP areas from rollups', () => {
    expect(registry.cspAreas().map((area) => area.code)).toEqual([
      'E07000091',
      'E07000092',
      'E06000099',
    ]);
    expect(registry.rollups().map((area) => area.code)).toEqual(['E10000099', 'E23000099']);
    expect(registry.forces().map((area) => area.code)).toEqual(['E23000099']);
  });

  it('resolves members recursively down to CSP areas', () => {
    expect(registry.cspMembersOf('E23000099').map((area) => area.code)).toEqual([
      'E07000091',
      'E07000092',
      'E06000099',
    ]);
    expect(registry.cspMembersOf('E10000099').map((area) => area.code)).toEqual([
      'E07000091',
      'E07000092',
    ]);
    expect(registry.cspMembersOf('E07000091').map((area) => area.code)).toEqual(['E07000091']);
  });

  it('counts each CSP once when rollups overlap', () => {
    const overlapping = AreaRegistry.fromRows([
      ...rows.filter((row) => row.kind !== 'force'),
      { ...force, members: ['E10000099', 'E07000091', 'E06000099'] },
    ]);
    expect(overlapping.cspMembersOf('E23000099')).toHaveLength(3);
  });

  it('finds the rollups within a rollup', () => {
    expect(registry.rollupsWithin('E23000099').map((area) => area.code)).toEqual(['E10000099']);
    expect(registry.rollupsWithin('E10000099')).toEqual([]);
  });

  it('finds the force of a CSP area, a county and a force', () => {
    for (const code of ['E07000091', 'E06000099', 'E10000099', 'E23000099']) {
      expect(registry.forceOf(code)?.code).toBe('E23000099');
    }
    expect(registry.forceOf('E07000000')).toBeUndefined();
    const forceless = AreaRegistry.fromRows([
      ...rows,
      { code: 'E07000093', name: 'Delta', kind: 'csp' },
    ]);
    expect(forceless.forceOf('E07000093')).toBeUndefined();
  });

  it('finds a force by its police.uk name', () => {
    expect(registry.forceByPoliceUkName('Test Police')?.code).toBe('E23000099');
    expect(registry.forceByPoliceUkName('Test Constabulary')).toBeUndefined();
  });

  it('defaults aliases and members to empty', () => {
    expect(registry.get('E07000091')).toMatchObject({ aliases: [], members: [] });
  });
});

describe('AreaRegistry validation', () => {
  const refuses = (bad: unknown[], message: RegExp) => {
    expect(() => AreaRegistry.fromRows(bad)).toThrow(message);
  };

  it('refuses duplicate codes and names', () => {
    refuses([csp('E07000091', 'Alpha'), csp('E07000091', 'Other')], /duplicate area code/);
    refuses([csp('E07000091', 'Alpha'), csp('E07000092', 'Alpha')], /more than one area/);
    refuses(
      [csp('E07000091', 'Alpha'), { ...csp('E07000092', 'Beta'), aliases: ['Alpha'] }],
      /more than one area/,
    );
  });

  it('refuses bad membership', () => {
    refuses([{ ...csp('E07000091', 'Alpha'), members: ['E07000091'] }], /cannot have members/);
    refuses([{ code: 'E10000099', name: 'C', kind: 'county', members: [] }], /needs members/);
    refuses(
      [{ code: 'E10000099', name: 'C', kind: 'county', members: ['E07000001'] }],
      /unknown member/,
    );
    refuses(
      [
        { code: 'E10000098', name: 'A', kind: 'county', members: ['E10000099'] },
        { code: 'E10000099', name: 'B', kind: 'county', members: ['E10000098'] },
      ],
      /membership cycle/,
    );
  });

  it('refuses a force without its police names, and bad codes', () => {
    refuses(
      [csp('E07000091', 'A'), { ...force, members: ['E07000091'], policeForce: undefined }],
      /policeForce/,
    );
    refuses([csp('X07000091', 'A')], /ONS area code/);
    refuses([{ ...csp('E07000091', 'A'), kind: 'ward' }], /kind/);
  });
});
