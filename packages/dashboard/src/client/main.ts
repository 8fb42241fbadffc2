import { isMonth } from '@crimestats/domain/months';
import { getAreas, getCategories, TokenRefused } from './api.ts';
import { chartLibrary, resizeCharts, styleCharts } from './chart-library.ts';
import { listenToSortButtons } from './comparison-table.ts';
import { downloadBoardPack, downloadChangesCsv, downloadComparisonCsv } from './downloads.ts';
import { el } from './elements.ts';
import { describe, setStatus, showError } from './messages.ts';
import { rememberChoice, state } from './page-state.ts';
import { fillAreas, fillPickers } from './pickers.ts';
import { refresh } from './refresh.ts';
import {
  forgetTokenHolder,
  listenToSubscriptions,
  refreshSubscriptions,
} from './subscriptions-panel.ts';
import { askForToken, currentToken, keepToken, takeTokenFromFragment } from './token.ts';

// The crimestats dashboard: one page over the reporting API (/v1), same origin, bearer token.
// This is the entry point of the bundle the server serves as /dashboard/app.js.

function listen(): void {
  el.tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = el.tokenInput.value.trim();
    if (token === '') return;
    keepToken(token);
    forgetTokenHolder();
    void open();
  });
  el.forget.addEventListener('click', () => askForToken('The token is forgotten for this tab.'));
  for (const picker of [el.force, el.category, el.period, el.months, el.area]) {
    picker.addEventListener('change', () => {
      if (picker === el.period && !isMonth(el.period.value)) return;
      if (picker === el.months && !el.months.checkValidity()) return;
      // Another force's areas: the chosen area stays if it is one of them.
      const area = el.area.value;
      if (picker === el.force) fillAreas(area);
      rememberChoice();
      void refresh();
      if (picker === el.area || el.area.value !== area) void refreshSubscriptions();
    });
  }
  listenToSubscriptions();
  el.downloadComparison.addEventListener('click', () => void downloadComparisonCsv());
  el.downloadChanges.addEventListener('click', () => void downloadChangesCsv());
  el.downloadPack.addEventListener('click', () => void downloadBoardPack());
  listenToSortButtons();
  window.addEventListener('beforeprint', resizeCharts);
  window.addEventListener('afterprint', resizeCharts);
}

/** Loads the reference lists with the token, then the figures; asks for a token if refused. */
async function open(): Promise<void> {
  if (currentToken() === null) {
    askForToken();
    return;
  }
  setStatus('Loading…');
  try {
    const [areas, categories] = await Promise.all([getAreas(), getCategories()]);
    state.areas = areas.areas;
    state.defaultForce = areas.defaultForce;
    state.categories = categories.categories;
  } catch (error) {
    if (error instanceof TokenRefused) {
      askForToken('That token was refused. Paste the token `crimestats up` printed.');
    } else {
      el.tokenPanel.hidden = true;
      el.dashboard.hidden = false;
      showError(`The reporting API did not answer: ${describe(error)}`);
    }
    return;
  }
  el.tokenPanel.hidden = true;
  el.dashboard.hidden = false;
  fillPickers();
  await Promise.all([refresh(), refreshSubscriptions()]);
}

async function start(): Promise<void> {
  takeTokenFromFragment();
  listen();
  const library = chartLibrary();
  if (library === undefined) showError('The chart library did not load; the tables still work.');
  else styleCharts(library);
  await open();
}

void start();
