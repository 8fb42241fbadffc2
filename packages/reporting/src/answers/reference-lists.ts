import {
  AreaKindSchema,
  CategorySourceSchema,
  type AreaRegistry,
  type CategoryTaxonomy,
  AreaCodeSchema,
  CategoryCodeSchema,
} from '@crimestats/domain';
import { z } from 'zod';
import { csvLines } from '../rendering/csv-cells.ts';

/** The areas a report can name: CSP areas and their rollups, in the reference data's order. */
export const AreaListAnswerSchema = z.object({
  areas: z.array(
    z.object({
      code: AreaCodeSchema,
      name: z.string().min(1),
      kind: AreaKindSchema,
      /** The areas a rollup is made of (empty for a CSP area). */
      members: z.array(AreaCodeSchema),
    }),
  ),
  /**
   * The force reports are about when they name none (the deployment's); the others are the areas
   * of kind force, which `force=` may name. Absent when the reference has several forces and no
   * default.
   */
  defaultForce: AreaCodeSchema.optional(),
});
export type AreaListAnswer = z.infer<typeof AreaListAnswerSchema>;

/** The categories a report can name, parents before their children as the reference lists them. */
export const CategoryListAnswerSchema = z.object({
  categories: z.array(
    z.object({
      code: CategoryCodeSchema,
      name: z.string().min(1),
      /** Null for a root (the total, anti-social behaviour). */
      parent: CategoryCodeSchema.nullable(),
      source: CategorySourceSchema,
    }),
  ),
});
export type CategoryListAnswer = z.infer<typeof CategoryListAnswerSchema>;

export function areaList(areas: AreaRegistry, defaultForce?: string): AreaListAnswer {
  // The reference's only force is the default when none is configured, as reports take it.
  const [only, ...others] = areas.forces();
  const force = defaultForce ?? (others.length === 0 ? only?.code : undefined);
  return {
    areas: areas.all().map((area) => ({
      code: area.code,
      name: area.name,
      kind: area.kind,
      members: [...area.members],
    })),
    ...(force === undefined ? {} : { defaultForce: force }),
  };
}

export function categoryList(categories: CategoryTaxonomy): CategoryListAnswer {
  return {
    categories: categories.all().map((category) => ({
      code: category.code,
      name: category.name,
      parent: category.parent,
      source: category.source,
    })),
  };
}

/** Members are space-separated inside their one field, so the file keeps one row per area. */
export function renderAreaListCsv(answer: AreaListAnswer): string {
  return csvLines([
    ['code', 'name', 'kind', 'members'],
    ...answer.areas.map((area) => [area.code, area.name, area.kind, area.members.join(' ')]),
  ]);
}

export function renderCategoryListCsv(answer: CategoryListAnswer): string {
  return csvLines([
    ['code', 'name', 'parent', 'source'],
    ...answer.categories.map((c) => [c.code, c.name, c.parent ?? '', c.source]),
  ]);
}
