import type { FiguresEvent, FiguresEventData } from '@crimestats/contracts';
import type { StoredFigureEvent, StoredSubscription } from '@crimestats/store';

/** The event's data as one subscription sees it: only its categories (all when it names none). */
export function dataFor(
  data: FiguresEventData,
  subscription: Pick<StoredSubscription, 'categories'>,
): FiguresEventData {
  if (subscription.categories.length === 0) return data;
  const wanted = new Set(subscription.categories);
  const periods = data.periods
    .map((p) => ({ ...p, categories: p.categories.filter((c) => wanted.has(c.code)) }))
    .filter((p) => p.categories.length > 0);
  return { ...data, periods };
}

/** Whether an event holds anything a subscription asked for. */
export const concerns = (
  data: FiguresEventData,
  subscription: Pick<StoredSubscription, 'categories'>,
): boolean => dataFor(data, subscription).periods.length > 0;

/** The exact body every attempt of one delivery sends: the same bytes each time. */
export function deliveryBody(
  event: Pick<StoredFigureEvent, 'createdAtMs' | 'data'>,
  subscription: Pick<StoredSubscription, 'categories'>,
  type: FiguresEvent['type'] = 'figures.updated',
): string {
  const body: FiguresEvent = {
    type,
    timestamp: new Date(event.createdAtMs).toISOString(),
    data: dataFor(event.data, subscription),
  };
  return JSON.stringify(body);
}
