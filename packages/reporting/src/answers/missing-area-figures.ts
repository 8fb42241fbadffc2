import { monthsLabel } from '@crimestats/domain';
import type { Area, Category } from '@crimestats/domain';
import { describeMonthRuns } from '@crimestats/domain';

const ADVICE = 'load data with `crimestats ingest` first';

const available = (periods: readonly string[], none: string): string =>
  periods.length === 0 ? none : `figures exist for periods ending ${describeMonthRuns(periods)}`;

/** Why an area's changes answer is empty, and which periods could be asked for instead. */
export function missingAreaChangesMessage(
  area: Area,
  query: { periodEnd: string; months: number },
  periodsAvailable: readonly string[],
): string {
  const asked = `no figures for ${area.name} (${area.code}) over the ${monthsLabel(query.months)} ending ${query.periodEnd}`;
  const none = `there are no ${query.months}-month figures for ${area.name} at all`;
  return `${asked}: ${ADVICE} (${available(periodsAvailable, none)})`;
}

/** Why a trend answer is empty, and which period ends have figures for the category. */
export function missingTrendMessage(
  area: Area,
  category: Category,
  query: { fromEnd: string; toEnd: string; months: number },
  periodsAvailable: readonly string[],
): string {
  const asked =
    `no ${monthsLabel(query.months)} figures for ${category.code} in ${area.name} (${area.code}) ` +
    `for periods ending ${query.fromEnd} to ${query.toEnd}`;
  const none = `there are no ${query.months}-month figures for ${category.code} at all`;
  return `${asked}: ${ADVICE} (${available(periodsAvailable, none)})`;
}
