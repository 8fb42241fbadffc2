import { isMonth } from '@crimestats/domain/months';
import { isWindowLength } from '@crimestats/domain/periods';
import { el } from './elements.ts';
import { state, type AreaEntry } from './page-state.ts';

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

function fillAreas(wanted: string | null): void {
  const groups: [string, AreaEntry[]][] = [
    ['CSP areas', state.areas.filter((area) => area.kind === 'csp')],
    ['Rollups', state.areas.filter((area) => area.kind !== 'csp')],
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
  if (wanted !== null && state.areas.some((area) => area.code === wanted)) el.area.value = wanted;
}

export function fillPickers(): void {
  const query = new URLSearchParams(window.location.search);
  fillCategories(query.get('category'));
  fillAreas(query.get('area'));
  const period = query.get('period');
  if (period !== null && isMonth(period)) el.period.value = period;
  const months = Number(query.get('months'));
  if (isWindowLength(months)) el.months.value = String(months);
}
