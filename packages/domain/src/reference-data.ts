import { readFileSync } from 'node:fs';
import { AreaRegistry } from './area-registry.ts';
import { CategoryTaxonomy } from './category-taxonomy.ts';
import { PopulationTable, type PopulationRow } from './populations.ts';
import { parseSimpleCsv } from './simple-csv.ts';

/** Everything the statistics need to know about places, categories and people. */
export interface ReferenceData {
  areas: AreaRegistry;
  categories: CategoryTaxonomy;
  populations: PopulationTable;
}

/** The package's own data folder: areas.json, categories.json, populations.csv. */
export const DEFAULT_DATA_DIR = new URL('../data/', import.meta.url);

/**
 * Loads and validates a data folder laid out like the package's own, so another force is a
 * matter of data files. Throws (with the file named) if anything is invalid, including
 * populations for areas the areas file does not define.
 */
export function loadReferenceData(dataDir: URL = DEFAULT_DATA_DIR): ReferenceData {
  const read = (name: string): string => readFileSync(new URL(name, dataDir), 'utf8');
  const areas = withFileName('areas.json', () =>
    AreaRegistry.fromRows(JSON.parse(read('areas.json'))),
  );
  const categories = withFileName('categories.json', () =>
    CategoryTaxonomy.fromRows(JSON.parse(read('categories.json'))),
  );
  const populations = withFileName('populations.csv', () => {
    const rows = populationRowsFromCsv(read('populations.csv'));
    const unknown = rows.find((row) => areas.byCode(row.areaCode) === undefined);
    if (unknown !== undefined) throw new RangeError(`unknown area code ${unknown.areaCode}`);
    return PopulationTable.fromRows(rows);
  });
  return { areas, categories, populations };
}

/** Rows of a CSV in the contract's `area_code,year,population` form. */
export function populationRowsFromCsv(text: string): PopulationRow[] {
  return parseSimpleCsv(text).map((record) => ({
    areaCode: record['area_code'] ?? '',
    year: Number(record['year']),
    population: Number(record['population']),
  }));
}

function withFileName<T>(fileName: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    throw new Error(`invalid reference data file ${fileName}`, { cause: error });
  }
}
