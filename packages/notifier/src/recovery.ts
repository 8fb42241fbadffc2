import type { StoredDelivery, StoredFigureEvent, Store } from '@crimestats/store';
import { newDelivery } from './delivery-state.ts';
import { deliveryIdOf } from './ids.ts';

const PAGE = 500;

export interface Unstated {
  /** Pending deliveries (version 1) for events whose states were never written. */
  deliveries: StoredDelivery[];
  /** The events read on the way, so their first attempts need not read them again. */
  events: StoredFigureEvent[];
}

/**
 * Deliveries owed by events made since `fromMs` that have no state at all: the process stopped
 * between storing an event and storing its deliveries' states. Each is one per subscription the
 * event lists, with the id every attempt of it would have had.
 */
export async function unstatedDeliveries(
  store: Pick<Store, 'figureEvents' | 'deliveries'>,
  fromMs: number,
  nowMs: number,
): Promise<Unstated> {
  const found: Unstated = { deliveries: [], events: [] };
  let page = await store.figureEvents.since(fromMs, PAGE);
  for (;;) {
    const owed = page.flatMap((event) =>
      event.subscriptionIds.map((subscriptionId) => ({
        event,
        subscriptionId,
        id: deliveryIdOf(event.id, subscriptionId),
      })),
    );
    const states = await store.deliveries.states(owed.map((o) => o.id));
    const needed = new Set<StoredFigureEvent>();
    for (const { event, subscriptionId, id } of owed) {
      if (states.has(id)) continue;
      const ids = { id, eventId: event.id, subscriptionId, area: event.area };
      found.deliveries.push(newDelivery(ids, event.createdAtMs, nowMs));
      needed.add(event);
    }
    found.events.push(...needed);
    const last = page.at(-1);
    if (page.length < PAGE || last === undefined) return found;
    page = await store.figureEvents.after({ createdAtMs: last.createdAtMs, id: last.id }, PAGE);
  }
}
