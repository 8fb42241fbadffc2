import { AreaListSchema, type Area } from './area-schema.ts';

const LSOA_NAME = /^(.*) \d{3}[A-Z]$/;

/** Lookups over a validated list of areas and rollups. Keeps the data file's order. */
export class AreaRegistry {
  readonly #areas: readonly Area[];
  readonly #byCode: ReadonlyMap<string, Area>;
  readonly #byName: ReadonlyMap<string, Area>;
  readonly #forceOf = new Map<string, Area | undefined>();

  private constructor(areas: readonly Area[]) {
    this.#areas = areas;
    this.#byCode = new Map(areas.map((area) => [area.code, area]));
    this.#byName = new Map(
      areas.flatMap((area) => [area.name, ...area.aliases].map((name) => [name, area] as const)),
    );
  }

  /** Validates raw rows (e.g. a parsed areas.json); throws a ZodError naming the bad rows. */
  static fromRows(rows: unknown): AreaRegistry {
    return new AreaRegistry(AreaListSchema.parse(rows));
  }

  /**
   * The registry itself; through a live view (`liveAreaRegistry`), the registry current now. What
   * is derived from a registry is kept against this, never against a live view, whose areas change.
   */
  get snapshot(): AreaRegistry {
    return this;
  }

  all(): readonly Area[] {
    return this.#areas;
  }

  byCode(code: string): Area | undefined {
    return this.#byCode.get(code);
  }

  /** Like byCode, for codes that must exist; throws a RangeError otherwise. */
  get(code: string): Area {
    const area = this.#byCode.get(code);
    if (area === undefined) throw new RangeError(`unknown area code ${code}`);
    return area;
  }

  /** Exact, case-sensitive match on an area's name or one of its aliases. */
  byName(name: string): Area | undefined {
    return this.#byName.get(name);
  }

  /**
   * The CSP area of a police.uk LSOA name: the trailing ` NNNX` code removed, then an exact
   * name match. `Derby 012A` is Derby City; rollups never match, since rows belong to CSPs.
   */
  byLsoaName(lsoaName: string): Area | undefined {
    const match = LSOA_NAME.exec(lsoaName);
    const area = match?.[1] === undefined ? undefined : this.byName(match[1]);
    return area?.kind === 'csp' ? area : undefined;
  }

  cspAreas(): Area[] {
    return this.#areas.filter((area) => area.kind === 'csp');
  }

  /** Every area that is made of other areas (counties and forces). */
  rollups(): Area[] {
    return this.#areas.filter((area) => area.kind !== 'csp');
  }

  forces(): Area[] {
    return this.#areas.filter((area) => area.kind === 'force');
  }

  /** The force police.uk names in its `Falls within` / `Reported by` columns. */
  forceByPoliceUkName(policeUkName: string): Area | undefined {
    return this.forces().find((area) => area.policeForce?.policeUkName === policeUkName);
  }

  /**
   * The CSP areas an area stands for, following rollups of rollups; a CSP area stands for
   * itself. Each CSP appears once, in data-file order.
   */
  cspMembersOf(code: string): Area[] {
    const found = new Set<string>();
    const visit = (area: Area): void => {
      if (area.kind === 'csp') found.add(area.code);
      else area.members.forEach((member) => visit(this.get(member)));
    };
    visit(this.get(code));
    return this.cspAreas().filter((area) => found.has(area.code));
  }

  /** The rollups strictly inside an area (e.g. the county inside the force), in data order. */
  rollupsWithin(code: string): Area[] {
    const outer = new Set(this.cspMembersOf(code).map((area) => area.code));
    return this.rollups().filter(
      (rollup) =>
        rollup.code !== code &&
        this.cspMembersOf(rollup.code).every((member) => outer.has(member.code)),
    );
  }

  /**
   * The force an area belongs to: the first force whose CSP areas include all of the area's (a
   * force is its own). Undefined for an unknown area or one no force covers. Remembered, since a
   * publisher asks once per record.
   */
  forceOf(code: string): Area | undefined {
    if (this.#forceOf.has(code)) return this.#forceOf.get(code);
    const area = this.#byCode.get(code);
    let force: Area | undefined;
    if (area !== undefined) {
      const members = this.cspMembersOf(code).map((member) => member.code);
      force = this.forces().find((candidate) => {
        const within = new Set(this.cspMembersOf(candidate.code).map((member) => member.code));
        return members.every((member) => within.has(member));
      });
    }
    this.#forceOf.set(code, force);
    return force;
  }
}
