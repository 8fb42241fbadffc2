import { formatMonth, parseMonth } from '@crimestats/domain/months';
import { windowEndingAt } from '@crimestats/domain/periods';
import { getAreaChanges, getAreaTrend, getComparison, TokenRefused } from './api.ts';
import { renderChanges, renderChangesProblem } from './area-changes.ts';
import { renderComparison } from './comparison-table.ts';
import { showCurrency } from './currency.ts';
import { el } from './elements.ts';
import { describe, hideError, setStatus, showError } from './messages.ts';
import { choice, forceParam, rememberChoice, state } from './page-state.ts';
import { renderRatesChart } from './rates-chart.ts';
import { askForToken } from './token.ts';
import { renderTrend, renderTrendProblem } from './trend-chart.ts';

// Asks the API for what the pickers show and draws the answers. The page is busy (aria-busy)
// until everything is drawn, which is what the browser tests wait for.

/** How many period ends the trend asks for; leading ends with no figures at all are dropped. */
const TREND_POINTS = 36;

export async function refresh(): Promise<void> {
  const generation = ++state.generation;
  const current = () => generation === state.generation;
  hideError();
  setStatus('Loading…');
  el.dashboard.setAttribute('aria-busy', 'true');
  try {
    const { category, months } = choice();
    const force = forceParam(choice().force);
    let { period } = choice();
    if (period === '') {
      // No period chosen yet: ask for this month's, whose answer says which month is latest.
      const probe = await getComparison({
        category,
        period: formatMonth(new Date()),
        months,
        ...force,
      });
      if (!current()) return;
      if (probe.basis.latestMonth === null) {
        showCurrency(probe.basis);
        renderComparison(probe);
        clearAreaPanels();
        setStatus('');
        showError(
          'No figures are loaded yet. Load files with `pnpm crimestats ingest <file>` or POST /v1/uploads.',
        );
        return;
      }
      period = probe.basis.latestMonth;
      el.period.value = period;
      rememberChoice();
    }
    const comparison = await getComparison({ category, period, months, ...force });
    if (!current()) return;
    state.comparison = comparison;
    showCurrency(comparison.basis);
    renderComparison(comparison);
    renderRatesChart(comparison);
    setStatus('');
    if (comparison.rows.length === 0 && comparison.message) showError(comparison.message);
    await refreshArea(current);
  } catch (error) {
    if (!current()) return;
    if (error instanceof TokenRefused) {
      askForToken('The token was refused. Paste a valid token.');
      return;
    }
    setStatus('');
    showError(describe(error));
  } finally {
    if (current()) el.dashboard.removeAttribute('aria-busy');
  }
}

/** The trend up to the period: its last TREND_POINTS period ends. */
async function trendTo(
  area: string,
  category: string,
  period: string,
  months: number,
  force: { force?: string },
) {
  const to = parseMonth(period);
  const from = windowEndingAt(to, TREND_POINTS).start;
  return getAreaTrend(area, { category, from, to, months, ...force });
}

/** The chosen area's trend and changes; a refusal of one (a CSP token's other area) is shown there. */
async function refreshArea(current: () => boolean): Promise<void> {
  const { category, period, months, area } = choice();
  const force = forceParam(choice().force);
  if (area === '') return;
  const [trend, changes] = await Promise.allSettled([
    trendTo(area, category, period, months, force),
    getAreaChanges(area, { period, months, ...force }),
  ]);
  if (!current()) return;
  for (const result of [trend, changes]) {
    if (result.status === 'rejected' && result.reason instanceof TokenRefused) throw result.reason;
  }
  if (trend.status === 'fulfilled') renderTrend(trend.value);
  else renderTrendProblem(describe(trend.reason));
  if (changes.status === 'fulfilled') renderChanges(changes.value);
  else renderChangesProblem(describe(changes.reason));
}

function clearAreaPanels(): void {
  renderTrendProblem('');
  renderChangesProblem('');
}
