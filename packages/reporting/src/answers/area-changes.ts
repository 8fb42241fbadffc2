import {
  AreaKindSchema,
  parseMonth,
  type Area,
  type CategoryTaxonomy,
  AreaCodeSchema,
  CategoryCodeSchema,
  MonthSchema,
  windowEndingAt,
} from '@crimestats/domain';
import type { FigureRow } from '@crimestats/store';
import { z } from 'zod';
import { AnswerBasisSchema, type AnswerBasis } from './comparison-answer.ts';

const count = z.number().int().nonnegative();

/** One category's change in one area: the plan's "Business Burglary (77%)", as data. */
export const AreaChangeRowSchema = z.object({
  category: z.object({
    code: CategoryCodeSchema,
    name: z.string().min(1),
    /** So a reader can keep to one level of the tree (null for the total and ASB). */
    parent: CategoryCodeSchema.nullable(),
  }),
  volume: count,
  previousVolume: count.nullable(),
  volumeChange: z.number().int().nullable(),
  percentChange: z.number().nullable(),
  /** The Poisson test of the change: tells a real shift from noise. */
  zScore: z.number().nullable(),
  significant: z.boolean().nullable(),
  ratePer1000: z.number().nonnegative().nullable(),
  /** The area's rank among the CSP areas for this category (null for a rollup). */
  rank: z.number().int().positive().nullable(),
  complete: z.boolean(),
});
export type AreaChangeRow = z.infer<typeof AreaChangeRowSchema>;

/** Every category of one area for one period, largest % increase first. */
export const AreaChangesAnswerSchema = z.object({
  area: z.object({ code: AreaCodeSchema, name: z.string().min(1), kind: AreaKindSchema }),
  period: z.object({ start: MonthSchema, end: MonthSchema, months: z.number().int().positive() }),
  /**
   * Complete rows first, then incomplete ones (a month missing from either window: the change is
   * not comparable, and neither tested nor ranked against real ones); each part by % change,
   * largest increase first, categories without one (no previous data) last.
   */
  rows: z.array(AreaChangeRowSchema),
  basis: AnswerBasisSchema,
  /** Present only when there are no rows: why, and what to do. */
  message: z.string().optional(),
});
export type AreaChangesAnswer = z.infer<typeof AreaChangesAnswerSchema>;

export interface AreaChangesQuery {
  areaCode: string;
  periodEnd: string;
  months: number;
}

/**
 * The changes answer from one area's stored figures: nothing recomputed, only ordered. Incomplete
 * rows come after every complete one: a category whose data starts inside the previous window
 * would otherwise top the list with a doubling that is only the missing months. Ties on % change go
 * to the larger volume change, then the category name, so the order is stable.
 */
export function areaChangesFromFigures(
  query: AreaChangesQuery,
  area: Area,
  figures: readonly FigureRow[],
  categories: CategoryTaxonomy,
  basis: AnswerBasis,
  message?: string,
): AreaChangesAnswer {
  for (const figure of figures) {
    if (
      figure.areaCode !== query.areaCode ||
      figure.months !== query.months ||
      figure.periodEnd !== query.periodEnd
    ) {
      throw new RangeError(
        `figure ${figure.category}/${figure.areaCode}/${figure.months}/${figure.periodEnd} ` +
          `is not for ${query.areaCode}/${query.months}/${query.periodEnd}`,
      );
    }
  }
  const rows = figures.map((figure) => toChangeRow(figure, categories)).sort(byChange);
  return AreaChangesAnswerSchema.parse({
    area: { code: area.code, name: area.name, kind: area.kind },
    period: windowEndingAt(parseMonth(query.periodEnd), query.months),
    rows,
    basis,
    ...(rows.length === 0 && message !== undefined ? { message } : {}),
  });
}

function byChange(a: AreaChangeRow, b: AreaChangeRow): number {
  if (a.complete !== b.complete) return a.complete ? -1 : 1;
  if (a.percentChange !== b.percentChange) {
    if (a.percentChange === null) return 1;
    if (b.percentChange === null) return -1;
    return b.percentChange - a.percentChange;
  }
  const byVolume = (b.volumeChange ?? 0) - (a.volumeChange ?? 0);
  if (byVolume !== 0) return byVolume;
  return a.category.name < b.category.name ? -1 : a.category.name > b.category.name ? 1 : 0;
}

// A figure for a category the reference data no longer lists is still shown, under its code.
function toChangeRow(figure: FigureRow, categories: CategoryTaxonomy): AreaChangeRow {
  const category = categories.byCode(figure.category);
  return {
    category: {
      code: figure.category,
      name: category?.name ?? figure.category,
      parent: category?.parent ?? null,
    },
    volume: figure.volume,
    previousVolume: figure.previousVolume,
    volumeChange: figure.volumeChange,
    percentChange: figure.percentChange,
    zScore: figure.zScore,
    significant: figure.significant,
    ratePer1000: figure.ratePer1000,
    rank: figure.rank,
    complete: figure.complete,
  };
}
