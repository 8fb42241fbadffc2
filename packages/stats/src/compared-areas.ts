import type { Area, AreaRegistry } from '@crimestats/domain';

/** The areas one force's comparison lists: its CSP areas, then its rollups ending with itself. */
export interface ComparedAreas {
  csps: readonly Area[];
  rollups: readonly Area[];
}

// Registries are immutable, so what is derived from one is kept with it: a national recompute
// asks for the same force's areas thousands of times, and each answer walks the whole registry.
// Kept against the registry current now (`snapshot`), so a live view's later loads are seen.
const forcesCache = new WeakMap<AreaRegistry, Map<string, ComparedAreas>>();
const membersCache = new WeakMap<AreaRegistry, Map<string, readonly Area[]>>();

export function comparedAreas(
  registry: AreaRegistry,
  forceCode: string | undefined,
): ComparedAreas {
  const areas = registry.snapshot;
  const force = chooseForce(areas, forceCode);
  let cached = forcesCache.get(areas);
  if (cached === undefined) forcesCache.set(areas, (cached = new Map()));
  let compared = cached.get(force.code);
  if (compared === undefined) {
    compared = {
      csps: areas.cspMembersOf(force.code),
      rollups: [...areas.rollupsWithin(force.code), force],
    };
    cached.set(force.code, compared);
  }
  return compared;
}

/** `areas.cspMembersOf(code)`, remembered per registry. */
export function cspMembersOf(registry: AreaRegistry, code: string): readonly Area[] {
  const areas = registry.snapshot;
  let cached = membersCache.get(areas);
  if (cached === undefined) membersCache.set(areas, (cached = new Map()));
  let members = cached.get(code);
  if (members === undefined) {
    members = areas.cspMembersOf(code);
    cached.set(code, members);
  }
  return members;
}

function chooseForce(areas: AreaRegistry, forceCode: string | undefined): Area {
  if (forceCode !== undefined) {
    const force = areas.get(forceCode);
    if (force.kind !== 'force') throw new RangeError(`${forceCode} is not a force area`);
    return force;
  }
  const [only, ...others] = areas.forces();
  if (only === undefined || others.length > 0) {
    throw new RangeError('the reference data has several forces (or none): name one');
  }
  return only;
}
