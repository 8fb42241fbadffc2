import { AreaCodeSchema } from '@crimestats/domain';
import { createReadStream } from 'node:fs';
import { readCsv } from './csv-reader.ts';

/** Column names an LSOA lookup may use: ours, or the ONS lookup files' (any vintage). */
const LSOA_COLUMN = /^(lsoa_code|LSOA\d{2}CD)$/;
const AREA_COLUMN = /^(area_code|LAD\d{2}CD|CSP\d{2}CD)$/;

export class LsoaLookupError extends Error {}

/**
 * Loads an LSOA → CSP area lookup: `lsoa_code,area_code`, or an ONS LSOA-to-local-authority file
 * (`LSOA21CD,…,LAD22CD,…`). When one is loaded, police.uk rows are placed by LSOA code rather than
 * by name, and codes it does not list are reported as `unknown-lsoa`.
 */
export async function loadLsoaLookup(path: string): Promise<Map<string, string>> {
  const lookup = new Map<string, string>();
  let lsoa = -1;
  let area = -1;
  await readCsv(createReadStream(path), {
    header: (fields) => {
      lsoa = fields.findIndex((f) => LSOA_COLUMN.test(f));
      area = fields.findIndex((f) => AREA_COLUMN.test(f));
      if (lsoa < 0 || area < 0) {
        throw new LsoaLookupError(
          `${path}: an LSOA lookup needs an LSOA code column (lsoa_code or LSOA21CD) and an area code column (area_code or LAD22CD)`,
        );
      }
    },
    row: (fields, line) => {
      const code = fields[lsoa]?.trim() ?? '';
      const areaCode = fields[area]?.trim() ?? '';
      if (!AreaCodeSchema.safeParse(areaCode).success || !/^[EW]0\d{7}$/.test(code)) {
        throw new LsoaLookupError(
          `${path}, line ${line}: expected an LSOA code and an area code, found "${code}", "${areaCode}"`,
        );
      }
      lookup.set(code, areaCode);
    },
  });
  return lookup;
}
