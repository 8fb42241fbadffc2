import {
  AreaKindSchema,
  monthRange,
  parseMonth,
  type Area,
  type Category,
  AreaCodeSchema,
  CategoryCodeSchema,
  MonthSchema,
} from '@crimestats/domain';
import type { FigureRow } from '@crimestats/store';
import { z } from 'zod';
import { AnswerBasisSchema, type AnswerBasis } from './comparison-answer.ts';

const AreaRefSchema = z.object({
  code: AreaCodeSchema,
  name: z.string().min(1),
  kind: AreaKindSchema,
});

/** One rolling window's figures; null values where nothing was computed for that period end. */
export const TrendPointSchema = z.object({
  periodEnd: MonthSchema,
  volume: z.number().int().nonnegative().nullable(),
  ratePer1000: z.number().nonnegative().nullable(),
  /** False when the window misses a month, or when there is no figure at all for this end. */
  complete: z.boolean(),
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;

export const TrendLineSchema = z.object({
  area: AreaRefSchema,
  /** One point per period end from `range.from` to `range.to`, oldest first. */
  points: z.array(TrendPointSchema),
});
export type TrendLine = z.infer<typeof TrendLineSchema>;

/** An area's rolling series for one category, with its rollups' beside it. */
export const AreaTrendAnswerSchema = z.object({
  area: AreaRefSchema,
  category: z.object({ code: CategoryCodeSchema, name: z.string().min(1) }),
  /** Period ends from `from` to `to`, each point a window of `months` months ending there. */
  range: z.object({ from: MonthSchema, to: MonthSchema, months: z.number().int().positive() }),
  /** The area's line first, then the comparators (county, force); empty when nothing is stored. */
  lines: z.array(TrendLineSchema),
  basis: AnswerBasisSchema,
  /** Present only when there are no lines: why, and what to do. */
  message: z.string().optional(),
});
export type AreaTrendAnswer = z.infer<typeof AreaTrendAnswerSchema>;

export interface AreaTrendQuery {
  areaCode: string;
  category: string;
  fromEnd: string;
  toEnd: string;
  months: number;
}

export interface TrendSubjects {
  area: Area;
  comparators: readonly Area[];
  category: Category;
}

/**
 * The trend answer from stored figures: every line has a point for every period end in the
 * range, so lines can be drawn against one axis. With no figures at all, no lines and a message.
 * The basis is complete only when every point of every line is there and complete.
 */
export function areaTrendFromFigures(
  query: AreaTrendQuery,
  subjects: TrendSubjects,
  figures: readonly FigureRow[],
  basis: AnswerBasis,
  message?: string,
): AreaTrendAnswer {
  const ends = monthRange(parseMonth(query.fromEnd), parseMonth(query.toEnd));
  const byKey = new Map(
    figures.map((figure) => [`${figure.areaCode} ${figure.periodEnd}`, figure]),
  );
  const lineAreas = [subjects.area, ...subjects.comparators];
  const lines =
    figures.length === 0
      ? []
      : lineAreas.map((area) => ({
          area: { code: area.code, name: area.name, kind: area.kind },
          points: ends.map((periodEnd) =>
            toPoint(periodEnd, byKey.get(`${area.code} ${periodEnd}`)),
          ),
        }));
  const everyPoint = lines.flatMap((line) => line.points);
  return AreaTrendAnswerSchema.parse({
    area: { code: subjects.area.code, name: subjects.area.name, kind: subjects.area.kind },
    category: { code: subjects.category.code, name: subjects.category.name },
    range: { from: query.fromEnd, to: query.toEnd, months: query.months },
    lines,
    basis: {
      ...basis,
      complete: everyPoint.length > 0 && everyPoint.every((point) => point.complete),
    },
    ...(lines.length === 0 && message !== undefined ? { message } : {}),
  });
}

function toPoint(periodEnd: string, figure: FigureRow | undefined): TrendPoint {
  return figure === undefined
    ? { periodEnd, volume: null, ratePer1000: null, complete: false }
    : {
        periodEnd,
        volume: figure.volume,
        ratePer1000: figure.ratePer1000,
        complete: figure.complete,
      };
}
