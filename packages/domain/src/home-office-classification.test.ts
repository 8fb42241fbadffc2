import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoryCodeFromLabel } from './category-code.ts';
import { defaultCategories } from './default-reference.ts';

// The Home Office's offence classification for 2017/18 (fraud excluded): every offence code with
// its group and subgroup. The repository root is three levels up from packages/domain/src.
const CLASSIFICATION = new URL(
  '../../../test/fixtures/reference/home-office-offence-classification-2017-18.csv',
  import.meta.url,
);

interface Offence {
  code: string;
  group: string;
  subgroup: string;
}

/** The file's rows; its descriptions hold commas, so fields may be quoted. */
function readClassification(): Offence[] {
  const [, ...lines] = readFileSync(CLASSIFICATION, 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => {
    const fields = [...line.matchAll(/(?:"((?:[^"]|"")*)"|([^,]*))(?:,|$)/g)]
      .slice(0, 4)
      .map((m) => (m[1] ?? m[2] ?? '').replace(/""/g, '"'));
    const [code = '', , group = '', subgroup = ''] = fields;
    return { code, group, subgroup };
  });
}

const offences = readClassification();
const groups = [...new Set(offences.map((o) => o.group))];
const subgroups = [...new Set(offences.map((o) => o.subgroup))];
const total = 'total-recorded-crime';

describe('the categories hold the Home Office offence classification', () => {
  it('reads all 128 offence codes, in 9 groups', () => {
    expect(offences).toHaveLength(128);
    expect(new Set(offences.map((o) => o.code)).size).toBe(128);
    expect(groups).toHaveLength(9);
  });

  it('has a category for every offence group and subgroup, named by the label', () => {
    const missing = [...groups, ...subgroups].filter(
      (label) => defaultCategories.byLabel(label) === undefined,
    );
    expect(missing).toEqual([]);
  });

  it.each(offences.map((o) => [o.code, o] as const))(
    'places offence %s in exactly one subgroup: its own, within its group',
    (code, offence) => {
      const [home] = defaultCategories.homeOfficeCategoriesOf(code);
      expect(home?.code).toBe(categoryCodeFromLabel(offence.subgroup));
      const group = categoryCodeFromLabel(offence.group);
      const line = [home!.code, ...defaultCategories.ancestorsOf(home!.code).map((c) => c.code)];
      expect(line).toContain(group);
      expect(line.at(-1)).toBe(total);
    },
  );

  it('lists no offence code the classification lacks', () => {
    const known = new Set(offences.map((o) => o.code));
    const listed = defaultCategories.all().flatMap((c) => c.homeOfficeCodes ?? []);
    expect(listed.filter((code) => !known.has(code))).toEqual([]);
  });

  it('makes total recorded crime the sum of every group, each counted once', () => {
    // Deriving the total walks sum-of-children links only; each group must be reached exactly
    // once, and never through another group.
    const reached: string[] = [];
    const walk = (code: string, insideGroup: boolean): void => {
      for (const child of defaultCategories.derivationChildrenOf(code)) {
        const isGroup = groups.some((g) => categoryCodeFromLabel(g) === child.code);
        if (isGroup) {
          expect(insideGroup, `${child.code} lies inside another group`).toBe(false);
          reached.push(child.code);
        }
        walk(child.code, insideGroup || isGroup);
      }
    };
    walk(total, false);
    expect(reached.sort()).toEqual(groups.map(categoryCodeFromLabel).sort());
  });

  it('derives every group from all of its subgroups', () => {
    for (const group of groups) {
      const code = categoryCodeFromLabel(group);
      const own = new Set(
        offences.filter((o) => o.group === group).map((o) => categoryCodeFromLabel(o.subgroup)),
      );
      // A group whose only subgroup shares its label is its own subgroup.
      if (own.size === 1 && own.has(code)) continue;
      const reachable = new Set<string>();
      const walk = (parent: string): void => {
        for (const child of defaultCategories.derivationChildrenOf(parent)) {
          reachable.add(child.code);
          walk(child.code);
        }
      };
      walk(code);
      expect(
        [...own].filter((subgroup) => !reachable.has(subgroup)),
        group,
      ).toEqual([]);
    }
  });

  it('keeps anti-social behaviour out of the total', () => {
    expect(defaultCategories.get('anti-social-behaviour').parent).toBeNull();
  });
});
