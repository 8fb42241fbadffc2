import { defaultCategories, withReferenceCategories } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { readReferenceCategoriesFile, referenceFileKind } from './reference-categories-file.ts';
import { tempFolder } from './testing/temp-files.ts';

const HEADER = 'code,label,parent\n';

/** The lines of a refusal, for a file of the given rows. */
async function refusal(rows: string, known = defaultCategories): Promise<string[]> {
  const path = tempFolder().write('categories.csv', HEADER + rows);
  const error = await readReferenceCategoriesFile(path, known).catch((e: Error) => e);
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message.replaceAll(path, 'FILE').split('\n');
}

describe('readReferenceCategoriesFile', () => {
  it('reads categories whose parent is the taxonomy’s or comes later in the file', async () => {
    const path = tempFolder().write(
      'categories.csv',
      '\uFEFFlabel,code,parent\r\n' +
        'Domestic abuse with injury,domestic-abuse-injury,domestic-abuse-flagged\r\n' +
        '"Domestic abuse flagged crime",domestic-abuse-flagged,total-recorded-crime\r\n',
    );
    expect(await referenceFileKind(path)).toBe('categories');
    expect(await readReferenceCategoriesFile(path, defaultCategories)).toEqual([
      {
        code: 'domestic-abuse-injury',
        label: 'Domestic abuse with injury',
        parent: 'domestic-abuse-flagged',
      },
      {
        code: 'domestic-abuse-flagged',
        label: 'Domestic abuse flagged crime',
        parent: 'total-recorded-crime',
      },
    ]);
  });

  it('takes an areas file for an areas file', async () => {
    const path = tempFolder().write('areas.csv', 'area_code,area_name,force_code,force_name\n');
    expect(await referenceFileKind(path)).toBe('areas');
  });

  it('refuses another header, naming the file and line', async () => {
    const path = tempFolder().write('c.csv', 'code,name,parent\nx,X,drugs\n');
    await expect(readReferenceCategoriesFile(path, defaultCategories)).rejects.toThrow(
      `${path}, line 1: expected the columns code,label,parent (found "code,name,parent")`,
    );
  });

  it('refuses a bad code or an empty label', async () => {
    expect(await refusal('Domestic Abuse,Domestic abuse,drugs\nok-code, ,drugs\n')).toEqual([
      'FILE, line 2, column code: expected a category code such as vehicle-crime (found "Domestic Abuse")',
      'FILE, line 3, column label: expected a label (found "")',
      'Nothing was loaded.',
    ]);
  });

  it('refuses an unknown parent', async () => {
    expect(await refusal('domestic-abuse-flagged,Domestic abuse,violence\n')).toEqual([
      'FILE, line 2, column parent: not a known category code nor one in the file (found "violence")',
      'Nothing was loaded.',
    ]);
  });

  it('refuses a cycle', async () => {
    expect(await refusal('a,A,b\nb,B,a\nc,C,c\n')).toEqual([
      'FILE, line 2, column parent: a would be its own ancestor (found "b")',
      'FILE, line 3, column parent: b would be its own ancestor (found "a")',
      'FILE, line 4, column parent: c would be its own ancestor (found "c")',
      'Nothing was loaded.',
    ]);
  });

  it('refuses a duplicate, a published code, and a loaded code given another label', async () => {
    const loaded = withReferenceCategories(defaultCategories, [
      { code: 'flagged', label: 'Flagged', parent: 'total-recorded-crime' },
    ]);
    expect(
      await refusal(
        'x,X,drugs\nx,X again,drugs\ndrugs,Drugs,total-recorded-crime\nflagged,Other,total-recorded-crime\n',
        loaded,
      ),
    ).toEqual([
      'FILE, line 3, column code: duplicate of line 2 (found "x")',
      'FILE, line 4, column code: drugs is a police-uk category; a loaded category needs a code of its own (found "drugs")',
      'FILE, line 5, column code: flagged was loaded before as "Flagged" under total-recorded-crime (found "flagged")',
      'Nothing was loaded.',
    ]);
    // The same row again is a re-load, not a clash.
    const again = tempFolder().write(
      'again.csv',
      `${HEADER}flagged,Flagged,total-recorded-crime\n`,
    );
    expect(await readReferenceCategoriesFile(again, loaded)).toHaveLength(1);
  });
});
