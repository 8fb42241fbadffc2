import type { Area, AreaRegistry } from '@crimestats/domain';

/**
 * The lines drawn beside an area's trend: every rollup of each force the area lies in (for
 * Derbyshire, the County Council area and the Force area), itself left out. Found from the
 * reference data, so another force brings its own rollups without code. Derby City, outside the
 * county, still gets the county line: the plan's tables set every area beside both.
 */
export function trendComparators(areas: AreaRegistry, code: string): Area[] {
  const members = new Set(areas.cspMembersOf(code).map((area) => area.code));
  const forces = areas
    .forces()
    .filter((force) => areas.cspMembersOf(force.code).some((area) => members.has(area.code)));
  const chosen = new Set(
    forces.flatMap((force) => [
      ...areas.rollupsWithin(force.code).map((area) => area.code),
      force.code,
    ]),
  );
  chosen.delete(code);
  return areas.rollups().filter((area) => chosen.has(area.code));
}
