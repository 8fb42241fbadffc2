import { describe, expect, it } from 'vitest';
import { defaultCategories } from './default-reference.ts';
import { withReferenceCategories } from './reference-categories.ts';

const flagged = {
  code: 'domestic-abuse-flagged',
  label: 'Domestic abuse flagged crime',
  parent: 'total-recorded-crime',
};

describe('withReferenceCategories', () => {
  it('adds the force’s own categories, which their parent is never the sum of', () => {
    const taxonomy = withReferenceCategories(defaultCategories, [
      flagged,
      { code: 'domestic-abuse-injury', label: 'With injury', parent: 'domestic-abuse-flagged' },
    ]);
    expect(taxonomy.get('domestic-abuse-flagged')).toMatchObject({
      name: 'Domestic abuse flagged crime',
      source: 'force',
      parent: 'total-recorded-crime',
    });
    expect(taxonomy.childrenOf('total-recorded-crime').map((c) => c.code)).toContain(
      'domestic-abuse-flagged',
    );
    expect(taxonomy.derivationChildrenOf('total-recorded-crime').map((c) => c.code)).toEqual(
      defaultCategories.derivationChildrenOf('total-recorded-crime').map((c) => c.code),
    );
    expect(taxonomy.derivationChildrenOf('domestic-abuse-flagged')).toEqual([]);
    expect(withReferenceCategories(defaultCategories, [])).toBe(defaultCategories);
  });

  it('takes the same row again, and refuses a clash, an unknown parent or a cycle', () => {
    const loaded = withReferenceCategories(defaultCategories, [flagged]);
    expect(withReferenceCategories(loaded, [flagged]).all()).toHaveLength(loaded.all().length);
    expect(() => withReferenceCategories(loaded, [{ ...flagged, label: 'Other' }])).toThrow(
      'domestic-abuse-flagged was loaded before as "Domestic abuse flagged crime" under total-recorded-crime',
    );
    expect(() =>
      withReferenceCategories(defaultCategories, [{ ...flagged, code: 'drugs' }]),
    ).toThrow('drugs is a police-uk category');
    expect(() =>
      withReferenceCategories(defaultCategories, [{ ...flagged, parent: 'nowhere' }]),
    ).toThrow('unknown parent nowhere');
    expect(() =>
      withReferenceCategories(defaultCategories, [
        { code: 'a', label: 'A', parent: 'b' },
        { code: 'b', label: 'B', parent: 'a' },
      ]),
    ).toThrow('parent cycle');
  });
});
