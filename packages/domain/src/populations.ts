import { z } from 'zod';
import type { AreaRegistry } from './area-registry.ts';
import { monthParts, type Month } from './months.ts';
import { AreaCodeSchema } from './area-code.ts';
import { YearSchema } from './month-schema.ts';

/** One mid-year population: the `population` input format `area_code,year,population`. */
export const PopulationRowSchema = z.object({
  areaCode: AreaCodeSchema,
  year: YearSchema,
  population: z.number().int().positive(),
});
export type PopulationRow = z.infer<typeof PopulationRowSchema>;

/**
 * Populations by area and year. Immutable: `withRows` returns a table where the new rows
 * override the same area and year, so ingested files can extend or correct the defaults.
 */
export class PopulationTable {
  readonly #byArea: ReadonlyMap<string, ReadonlyMap<number, number>>;

  private constructor(byArea: ReadonlyMap<string, ReadonlyMap<number, number>>) {
    this.#byArea = byArea;
  }

  /**
   * Validates the rows, which may come from untyped sources; throws a ZodError naming the bad
   * ones. Later rows win.
   */
  static fromRows(rows: readonly PopulationRow[]): PopulationTable {
    return new PopulationTable(new Map()).withRows(rows);
  }

  withRows(rows: readonly PopulationRow[]): PopulationTable {
    const parsed = z.array(PopulationRowSchema).parse(rows);
    const byArea = new Map([...this.#byArea].map(([code, years]) => [code, new Map(years)]));
    for (const row of parsed) {
      const years = byArea.get(row.areaCode) ?? new Map<number, number>();
      years.set(row.year, row.population);
      byArea.set(row.areaCode, years);
    }
    return new PopulationTable(byArea);
  }

  rows(): PopulationRow[] {
    return [...this.#byArea].flatMap(([areaCode, years]) =>
      [...years].map(([year, population]) => ({ areaCode, year, population })),
    );
  }

  /**
   * The area's own figure for a year: that year's, else the nearest earlier year's, else the
   * nearest later year's; undefined when the area carries no population at all. What a CSP area
   * is measured against; a rollup's own rows count only for their exact year (populationOf).
   */
  ownPopulation(areaCode: string, year: number): number | undefined {
    const years = this.#byArea.get(areaCode);
    if (years === undefined || years.size === 0) return undefined;
    const known = [...years.keys()];
    const earlier = known.filter((y) => y <= year);
    const chosen = earlier.length > 0 ? Math.max(...earlier) : Math.min(...known);
    return years.get(chosen);
  }

  /**
   * The population an area is measured against in a year. A CSP area uses its own figure, from
   * the nearest year (ownPopulation). A rollup uses a figure of its own only for that exact year
   * (the plan's county mixes vintages, so it is not the sum of its districts); in any other year
   * it is the sum of its members', recursively, each choosing its own nearest year, so a new
   * district figure moves the county and force too, and a rollup's row for one year never stands
   * in for another. Undefined when any needed figure is missing, rather than a silently short sum.
   */
  populationOf(areaCode: string, year: number, areas: AreaRegistry): number | undefined {
    const { members } = areas.get(areaCode);
    if (members.length === 0) return this.ownPopulation(areaCode, year);
    const exact = this.#byArea.get(areaCode)?.get(year);
    if (exact !== undefined) return exact;
    let total = 0;
    for (const member of members) {
      const population = this.populationOf(member, year, areas);
      if (population === undefined) return undefined;
      total += population;
    }
    return total;
  }

  /** The population for a period named by its last month: a period uses its end year. */
  populationForPeriod(areaCode: string, end: Month, areas: AreaRegistry): number | undefined {
    return this.populationOf(areaCode, monthParts(end).year, areas);
  }
}
