// The page's elements, looked up once when the script starts: an id missing from index.html, or
// on the wrong kind of element, stops the page at once rather than at the first click.

function byId<T extends HTMLElement>(id: string, kind: { new (): T; prototype: T }): T {
  const element = document.getElementById(id);
  if (!(element instanceof kind)) throw new Error(`the page has no ${kind.name} #${id}`);
  return element;
}

export const el = {
  tokenPanel: byId('token-panel', HTMLElement),
  tokenForm: byId('token-form', HTMLFormElement),
  tokenInput: byId('token-input', HTMLInputElement),
  tokenError: byId('token-error', HTMLElement),
  dashboard: byId('dashboard', HTMLElement),
  force: byId('force', HTMLSelectElement),
  category: byId('category', HTMLSelectElement),
  period: byId('period', HTMLInputElement),
  months: byId('months', HTMLInputElement),
  area: byId('area', HTMLSelectElement),
  forget: byId('forget-token', HTMLButtonElement),
  currency: byId('currency', HTMLElement),
  status: byId('status', HTMLElement),
  error: byId('error', HTMLElement),
  comparisonTitle: byId('comparison-title', HTMLElement),
  comparison: byId('comparison', HTMLTableElement),
  comparisonBody: byId('comparison-body', HTMLTableSectionElement),
  comparisonNote: byId('comparison-note', HTMLElement),
  previousHeading: byId('previous-heading', HTMLButtonElement),
  downloadComparison: byId('download-comparison', HTMLButtonElement),
  downloadPack: byId('download-pack', HTMLButtonElement),
  ratesFigure: byId('rates-figure', HTMLElement),
  ratesCanvas: byId('rates-chart', HTMLCanvasElement),
  ratesCaption: byId('rates-caption', HTMLElement),
  trendTitle: byId('trend-title', HTMLElement),
  trendFigure: byId('trend-figure', HTMLElement),
  trendCanvas: byId('trend-chart', HTMLCanvasElement),
  trendCaption: byId('trend-caption', HTMLElement),
  changesTitle: byId('changes-title', HTMLElement),
  changesBody: byId('changes-body', HTMLTableSectionElement),
  changesNote: byId('changes-note', HTMLElement),
  downloadChanges: byId('download-changes', HTMLButtonElement),
  subscriptionsTitle: byId('subscriptions-title', HTMLElement),
  subscriptionsIntro: byId('subscriptions-intro', HTMLElement),
  subscribeForm: byId('subscribe-form', HTMLFormElement),
  subscribeTargetLabel: byId('subscribe-target-label', HTMLLabelElement),
  subscribeTarget: byId('subscribe-target', HTMLInputElement),
  subscribeResult: byId('subscribe-result', HTMLElement),
  subscriptionsError: byId('subscriptions-error', HTMLElement),
  subscriptionsBody: byId('subscriptions-body', HTMLTableSectionElement),
};
