import type { Area } from './area-schema.ts';
import type { Category } from './category-schema.ts';
import { loadReferenceData, type ReferenceData } from './reference-data.ts';

/** The package's own Derbyshire reference data, validated when the package is first imported. */
export const defaultReference: ReferenceData = loadReferenceData();
export const defaultAreas = defaultReference.areas;
export const defaultCategories = defaultReference.categories;
export const defaultPopulations = defaultReference.populations;

export function areaByCode(code: string): Area | undefined {
  return defaultAreas.byCode(code);
}

/** Exact match on name or alias, e.g. `Derby City` or `Derby`. */
export function areaByName(name: string): Area | undefined {
  return defaultAreas.byName(name);
}

export function cspAreas(): Area[] {
  return defaultAreas.cspAreas();
}

export function rollups(): Area[] {
  return defaultAreas.rollups();
}

/** The CSP areas a code stands for, following rollups of rollups. */
export function cspMembersOf(code: string): Area[] {
  return defaultAreas.cspMembersOf(code);
}

export function categoryByCode(code: string): Category | undefined {
  return defaultCategories.byCode(code);
}
