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
   * nearest later year's; undefined when the area carries no population at all.
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
   * The population an area is measured against in a year. A rollup that carries its own
   * population uses it (the plan mixes vintages, so the sum of members can be wrong); otherwise
   * it is the sum of its members', recursively, each member choosing its own nearest year.
   * Undefined when any needed figure is missing, rather than a silently short sum.
   */
  populationOf(areaCode: string, year: number, areas: AreaRegistry): number | undefined {
    const own = this.ownPopulation(areaCode, year);
    if (own !== undefined) return own;
    const { members } = areas.get(areaCode);
    if (members.length === 0) return undefined;
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
