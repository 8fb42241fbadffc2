import { describe, expect, it } from 'vitest';
import { CategoryTaxonomy } from './category-taxonomy.ts';

const rows = [
  { code: 'all-things', label: 'All things', source: 'derived', parent: null },
  { code: 'apples', label: 'Apples', source: 'police-uk', parent: 'all-things' },
  {
    code: 'pears',
    label: 'Pears',
    source: 'police-uk',
    parent: 'all-things',
    derivation: 'supplied-only',
  },
  { code: 'green-pears', label: 'Green pears', source: 'home-office', parent: 'pears' },
  { code: 'noise', label: 'Noise', name: 'Noise incidents', source: 'police-uk', parent: null },
];

describe('CategoryTaxonomy', () => {
  const taxonomy = CategoryTaxonomy.fromRows(rows);

  it('looks categories up by code and by source label', () => {
    expect(taxonomy.byCode('pears')?.label).toBe('Pears');
    expect(taxonomy.byLabel('Green Pears')?.code).toBe('green-pears');
    expect(taxonomy.byCode('plums')).toBeUndefined();
    expect(() => taxonomy.get('plums')).toThrow(RangeError);
  });

  it('names a category by its label unless told otherwise', () => {
    expect(taxonomy.get('apples').name).toBe('Apples');
    expect(taxonomy.get('noise').name).toBe('Noise incidents');
  });

  it('walks the tree', () => {
    expect(taxonomy.roots().map((c) => c.code)).toEqual(['all-things', 'noise']);
    expect(taxonomy.childrenOf('all-things').map((c) => c.code)).toEqual(['apples', 'pears']);
    expect(taxonomy.ancestorsOf('green-pears').map((c) => c.code)).toEqual(['pears', 'all-things']);
    expect(taxonomy.ancestorsOf('noise')).toEqual([]);
    expect(taxonomy.bySource('home-office').map((c) => c.code)).toEqual(['green-pears']);
  });

  it('derives only from children that partition the parent', () => {
    expect(taxonomy.get('all-things').derivation).toBe('sum-of-children');
    expect(taxonomy.derivationChildrenOf('all-things').map((c) => c.code)).toEqual([
      'apples',
      'pears',
    ]);
    expect(taxonomy.derivationChildrenOf('pears')).toEqual([]);
    expect(taxonomy.derivationChildrenOf('apples')).toEqual([]);
  });
});

describe('CategoryTaxonomy validation', () => {
  const refuses = (bad: unknown[], message: RegExp) => {
    expect(() => CategoryTaxonomy.fromRows(bad)).toThrow(message);
  };

  it('refuses a code that does not follow from its label', () => {
    refuses([{ code: 'fruit', label: 'Apples', source: 'derived', parent: null }], /follow/);
  });

  it('refuses duplicates, unknown parents and cycles', () => {
    refuses([rows[0], rows[0]], /duplicate/);
    refuses([{ ...rows[1], parent: 'nothing' }], /unknown parent/);
    refuses(
      [
        { code: 'a', label: 'A', source: 'derived', parent: 'b' },
        { code: 'b', label: 'B', source: 'derived', parent: 'a' },
      ],
      /cycle/,
    );
    refuses([{ code: 'a', label: 'A', source: 'derived', parent: 'a' }], /cycle/);
  });

  it('refuses unknown sources and malformed Home Office codes', () => {
    refuses([{ ...rows[4], source: 'ons' }], /source/);
    refuses([{ ...rows[4], homeOfficeCodes: ['30 C'] }], /homeOfficeCodes/);
    refuses([{ ...rows[4], homeOfficeCodes: ['4.'] }], /homeOfficeCodes/);
  });

  it('finds the categories an offence code counts in, its subgroup first', () => {
    const coded = CategoryTaxonomy.fromRows([
      rows[0],
      { ...rows[2], homeOfficeCodes: ['30C', '37.2', '1/4.1/4.10/4.2'] },
      { ...rows[3], homeOfficeCodes: ['30C'] },
      { ...rows[1], homeOfficeCodes: ['48'] },
    ]);
    expect(coded.homeOfficeCategoriesOf('30C').map((c) => c.code)).toEqual([
      'pears',
      'green-pears',
    ]);
    expect(coded.homeOfficeCategoriesOf('1/4.1/4.10/4.2').map((c) => c.code)).toEqual(['pears']);
    expect(coded.homeOfficeCategoriesOf('99')).toEqual([]);
  });

  it('refuses an offence code listed by categories side by side, where it would count twice', () => {
    refuses(
      [rows[0], { ...rows[1], homeOfficeCodes: ['48'] }, { ...rows[2], homeOfficeCodes: ['48'] }],
      /offence code 48 is listed by apples, pears, which are not one line of descent/,
    );
    refuses([rows[0], { ...rows[1], homeOfficeCodes: ['48', '48'] }], /offence code 48/);
  });
});
