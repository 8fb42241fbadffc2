import { z } from 'zod';
import { AreaCodeSchema } from './area-code.ts';
import { AreaRegistry } from './area-registry.ts';
import { AreaListSchema, type Area } from './area-schema.ts';

/**
 * One row of a loaded reference file: a CSP area, the force it is in and, optionally, the county
 * (a rollup inside the force) it is in. Forces and counties are not rows of their own: they are
 * named by their areas, so a file cannot leave a rollup without members.
 */
export const ReferenceAreaRowSchema = z
  .object({
    areaCode: AreaCodeSchema,
    areaName: z.string().trim().min(1, 'expected a name'),
    forceCode: AreaCodeSchema,
    forceName: z.string().trim().min(1, 'expected a name'),
    /** What police.uk writes in `Falls within` for the force. */
    policeUkName: z.string().trim().min(1, 'expected a name'),
    countyCode: AreaCodeSchema.optional(),
    countyName: z.string().trim().min(1, 'expected a name').optional(),
  })
  .refine((row) => (row.countyCode === undefined) === (row.countyName === undefined), {
    message: 'a county needs both its code and its name',
    path: ['countyName'],
  });
export type ReferenceAreaRow = z.infer<typeof ReferenceAreaRowSchema>;

/**
 * The areas with loaded rows applied: each row's CSP area is added, or corrected (its name, its
 * county and force); its county and force are created when new. A rollup that already exists
 * keeps its name, because the default rollups carry the labels the plan prints ("Force area");
 * a new force takes its force name. A rollup left without members is dropped. Throws a RangeError
 * saying why if the result is inconsistent, e.g. two CSP areas with one name.
 */
export function withReferenceAreas(
  base: AreaRegistry,
  rows: readonly ReferenceAreaRow[],
): AreaRegistry {
  if (rows.length === 0) return base;
  const areas = new Map<string, Area>(base.all().map((area) => [area.code, { ...area }]));
  const detach = (code: string): void => {
    for (const [key, area] of areas) {
      if (area.members.includes(code)) {
        areas.set(key, { ...area, members: area.members.filter((m) => m !== code) });
      }
    }
  };
  const attach = (rollupCode: string, member: string): void => {
    const rollup = areas.get(rollupCode)!;
    if (!rollup.members.includes(member)) {
      areas.set(rollupCode, { ...rollup, members: [...rollup.members, member] });
    }
  };
  const ensureRollup = (code: string, name: string, kind: 'county' | 'force'): void => {
    const existing = areas.get(code);
    if (existing === undefined) {
      areas.set(code, { code, name, kind, aliases: [], members: [] });
    } else if (existing.kind !== kind) {
      throw new RangeError(`${code} is a ${existing.kind} area, not a ${kind}`);
    }
  };

  for (const row of rows) {
    ensureRollup(row.forceCode, row.forceName, 'force');
    const force = areas.get(row.forceCode)!;
    areas.set(row.forceCode, {
      ...force,
      policeForce: { name: row.forceName, policeUkName: row.policeUkName },
    });
    const existing = areas.get(row.areaCode);
    if (existing !== undefined && existing.kind !== 'csp') {
      throw new RangeError(`${row.areaCode} is a ${existing.kind} area, not a CSP area`);
    }
    areas.set(row.areaCode, {
      code: row.areaCode,
      name: row.areaName,
      kind: 'csp',
      aliases: existing?.aliases ?? [],
      members: [],
      ...(existing?.note === undefined ? {} : { note: existing.note }),
    });
    detach(row.areaCode);
    if (row.countyCode !== undefined && row.countyName !== undefined) {
      ensureRollup(row.countyCode, row.countyName, 'county');
      detach(row.countyCode);
      attach(row.forceCode, row.countyCode);
      attach(row.countyCode, row.areaCode);
    } else {
      attach(row.forceCode, row.areaCode);
    }
  }
  const merged = withoutEmptyRollups([...areas.values()]);
  const parsed = AreaListSchema.safeParse(withDistinctRollupNames(merged, base));
  if (!parsed.success) {
    throw new RangeError(parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  return AreaRegistry.fromRows(parsed.data);
}

/**
 * ONS names a force and a county alike (PFA "Derbyshire", county "Derbyshire"), and names must be
 * unique; a new rollup whose name is taken is called e.g. "Derbyshire force area" instead.
 */
function withDistinctRollupNames(areas: Area[], base: AreaRegistry): Area[] {
  const count = new Map<string, number>();
  for (const area of areas) {
    for (const name of [area.name, ...area.aliases]) count.set(name, (count.get(name) ?? 0) + 1);
  }
  return areas.map((area) =>
    area.kind !== 'csp' && base.byCode(area.code) === undefined && (count.get(area.name) ?? 0) > 1
      ? { ...area, name: `${area.name} ${area.kind} area` }
      : area,
  );
}

/** Drops rollups with no members, then any rollup that only had those, and so on. */
function withoutEmptyRollups(areas: Area[]): Area[] {
  let current = areas;
  for (;;) {
    const empty = new Set(
      current.filter((a) => a.kind !== 'csp' && a.members.length === 0).map((a) => a.code),
    );
    if (empty.size === 0) return current;
    current = current
      .filter((a) => !empty.has(a.code))
      .map((a) => ({ ...a, members: a.members.filter((m) => !empty.has(m)) }));
  }
}
