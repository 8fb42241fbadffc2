import type { AnswerBasis } from '@crimestats/reporting';
import { monthLabel } from '@crimestats/domain/months';
import { el } from './elements.ts';

// The line under the page's title: which data the figures rest on, and whether it is complete,
// so a reader can tell stale or partial figures from fresh ones.

export function showCurrency(basis: AnswerBasis): void {
  if (basis.latestMonth === null) {
    el.currency.textContent = 'No data loaded yet.';
    el.currency.dataset.complete = 'false';
    return;
  }
  const loaded =
    basis.loadedAt === null
      ? ''
      : `, loaded ${new Date(basis.loadedAt).toLocaleString('en-GB', {
          dateStyle: 'medium',
          timeStyle: 'short',
        })}`;
  const completeness = basis.complete
    ? 'Every month of both windows is present for every area.'
    : 'Incomplete: some areas miss a month in this window or the previous one (marked †).';
  el.currency.textContent = `Data to ${monthLabel(basis.latestMonth)}${loaded}. ${completeness}`;
  el.currency.dataset.complete = String(basis.complete);
}
