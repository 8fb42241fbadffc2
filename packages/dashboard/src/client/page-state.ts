import type { AreaListAnswer, CategoryListAnswer, ComparisonResponse } from '@crimestats/reporting';
import { DEFAULT_WINDOW_MONTHS } from '@crimestats/domain/periods';
import { PLAN_ORDER, type SortOrder } from './comparison-sort.ts';
import { el } from './elements.ts';

export type AreaEntry = AreaListAnswer['areas'][number];
export type CategoryEntry = CategoryListAnswer['categories'][number];

export const state: {
  areas: AreaEntry[];
  /** The force reports are about when they name none (the deployment's), if the API says. */
  defaultForce: string | undefined;
  categories: CategoryEntry[];
  /** The last comparison answer, kept so that sorting redraws without asking again. */
  comparison: ComparisonResponse | null;
  sort: SortOrder;
  /** Bumped by every refresh, so a slow answer to an older choice is dropped. */
  generation: number;
} = {
  areas: [],
  defaultForce: undefined,
  categories: [],
  comparison: null,
  sort: PLAN_ORDER,
  generation: 0,
};

/** The force picker's value for every loaded force: the national table. */
export const ALL_FORCES = 'all';

export interface Choice {
  /** A force's code, or `all`; empty only before the reference lists are in. */
  force: string;
  category: string;
  /** `YYYY-MM`, or empty before the first answer says which month is the latest. */
  period: string;
  months: number;
  area: string;
}

/** What the pickers show now. */
export const choice = (): Choice => ({
  force: el.force.value,
  category: el.category.value,
  period: el.period.value,
  months: Number(el.months.value) || DEFAULT_WINDOW_MONTHS,
  area: el.area.value,
});

/** The choice in the address's query, so a view can be reloaded or bookmarked (no token). */
export function rememberChoice(): void {
  const { force, category, period, months, area } = choice();
  const query = new URLSearchParams({ category, period, area });
  if (months !== DEFAULT_WINDOW_MONTHS) query.set('months', String(months));
  if (force !== '' && force !== state.defaultForce) query.set('force', force);
  history.replaceState(history.state, '', `${window.location.pathname}?${query}`);
}

/** What every report request says about the force: the chosen one, as `force=`. */
export const forceParam = (force: string): { force?: string } => (force === '' ? {} : { force });

/**
 * The codes of the areas in a force (its rollups and CSP areas, and itself), from the members the
 * area list gives; every area for all forces.
 */
export function areasInForce(force: string): Set<string> {
  if (force === ALL_FORCES || force === '') return new Set(state.areas.map((area) => area.code));
  const byCode = new Map(state.areas.map((area) => [area.code, area]));
  const inside = new Set<string>();
  const pending = [force];
  while (pending.length > 0) {
    const code = pending.pop() as string;
    if (inside.has(code)) continue;
    inside.add(code);
    pending.push(...(byCode.get(code)?.members ?? []));
  }
  return inside;
}

export const areaName = (code: string): string =>
  state.areas.find((area) => area.code === code)?.name ?? code;
