import { isMonth } from '@crimestats/domain/months';
import { isWindowLength } from '@crimestats/domain/periods';
import { el } from './elements.ts';
import { ALL_FORCES, areasInForce, state, type AreaEntry } from './page-state.ts';

// The pickers, filled from the reference lists, set to the choice in the address's query where
// it names something that exists.

const DEFAULT_CATEGORY = 'total-recorded-crime';

function fillCategories(wanted: string | null): void {
  el.category.replaceChildren(
    ...state.categories.map((category) => {
      const option = new Option(category.name, category.code);
      if (category.parent !== null) option.textContent = `\u2003${category.name}`;
      return option;
    }),
  );
  const codes = state.categories.map((category) => category.code);
  const category = wanted ?? DEFAULT_CATEGORY;
  el.category.value = codes.includes(category) ? category : (codes[0] ?? '');
}

/** The loaded forces by name, then all of them together (the national table). */
function fillForces(wanted: string | null): void {
  const forces = state.areas
    .filter((area) => area.kind === 'force')
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  el.force.replaceChildren(
    ...forces.map((force) => new Option(force.name, force.code)),
    new Option('All forces', ALL_FORCES),
  );
  const codes = [...forces.map((force) => force.code), ALL_FORCES];
  const fallback = state.defaultForce ?? codes[0] ?? ALL_FORCES;
  el.force.value = wanted !== null && codes.includes(wanted) ? wanted : fallback;
}

/** The areas of the chosen force (every force's for all), keeping `wanted` if it is one. */
export function fillAreas(wanted: string | null): void {
  const inForce = areasInForce(el.force.value);
  const shown = state.areas.filter((area) => inForce.has(area.code));
  const groups: [string, AreaEntry[]][] = [
    ['CSP areas', shown.filter((area) => area.kind === 'csp')],
    ['Rollups', shown.filter((area) => area.kind !== 'csp')],
  ];
  el.area.replaceChildren(
    ...groups.map(([label, areas]) => {
      const group = document.createElement('optgroup');
      group.label = label;
      group.append(
        ...[...areas]
          .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
          .map((area) => new Option(area.name, area.code)),
      );
      return group;
    }),
  );
  if (wanted !== null && shown.some((area) => area.code === wanted)) el.area.value = wanted;
}

export function fillPickers(): void {
  const query = new URLSearchParams(window.location.search);
  fillForces(query.get('force'));
  fillCategories(query.get('category'));
  fillAreas(query.get('area'));
  const period = query.get('period');
  if (period !== null && isMonth(period)) el.period.value = period;
  const months = Number(query.get('months'));
  if (isWindowLength(months)) el.months.value = String(months);
}
