import type { AreaListAnswer, CategoryListAnswer, ComparisonResponse } from '@crimestats/reporting';
import { DEFAULT_WINDOW_MONTHS } from '@crimestats/domain/periods';
import { PLAN_ORDER, type SortOrder } from './comparison-sort.ts';
import { el } from './elements.ts';

export type AreaEntry = AreaListAnswer['areas'][number];
export type CategoryEntry = CategoryListAnswer['categories'][number];

export const state: {
  areas: AreaEntry[];
  categories: CategoryEntry[];
  /** The last comparison answer, kept so that sorting redraws without asking again. */
  comparison: ComparisonResponse | null;
  sort: SortOrder;
  /** Bumped by every refresh, so a slow answer to an older choice is dropped. */
  generation: number;
} = {
  areas: [],
  categories: [],
  comparison: null,
  sort: PLAN_ORDER,
  generation: 0,
};

export interface Choice {
  category: string;
  /** `YYYY-MM`, or empty before the first answer says which month is the latest. */
  period: string;
  months: number;
  area: string;
}

/** What the pickers show now. */
export const choice = (): Choice => ({
  category: el.category.value,
  period: el.period.value,
  months: Number(el.months.value) || DEFAULT_WINDOW_MONTHS,
  area: el.area.value,
});

/** The choice in the address's query, so a view can be reloaded or bookmarked (no token). */
export function rememberChoice(): void {
  const { category, period, months, area } = choice();
  const query = new URLSearchParams({ category, period, area });
  if (months !== DEFAULT_WINDOW_MONTHS) query.set('months', String(months));
  history.replaceState(history.state, '', `${window.location.pathname}?${query}`);
}

export const areaName = (code: string): string =>
  state.areas.find((area) => area.code === code)?.name ?? code;
