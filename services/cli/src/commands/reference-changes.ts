import type { AreaRegistry } from '@crimestats/domain';

/**
 * The forces whose figures a change of areas moves: those (before or after) whose areas, counties
 * or their names or members differ. Loading the same file again changes none.
 */
export function forcesChanged(before: AreaRegistry, after: AreaRegistry): string[] {
  const codes = new Set([...before.forces(), ...after.forces()].map((force) => force.code));
  return [...codes].filter((code) => shapeOf(before, code) !== shapeOf(after, code));
}

/**
 * What a force's figures are computed over: its areas and rollups, their names and members. Order
 * aside: applying a row again moves its area to the end of its county's members.
 */
function shapeOf(areas: AreaRegistry, forceCode: string): string {
  const force = areas.byCode(forceCode);
  if (force?.kind !== 'force') return '';
  const within = [force, ...areas.rollupsWithin(forceCode), ...areas.cspMembersOf(forceCode)];
  const described = within.map((area) =>
    JSON.stringify([area.code, area.name, area.kind, [...area.members].sort()]),
  );
  return described.sort().join('\n');
}
