import {
  SubscriptionInputError,
  createSubscription,
  listDeliveries,
  listSubscriptions,
  removeSubscription,
  retryDeadDelivery,
} from '@crimestats/notifier';
import type { FiguresStoreOptions } from '@crimestats/reporting';
import { loadReference } from '@crimestats/store';
import type { AllowList } from '@crimestats/webhooks';
import { UserError } from '../../user-error.ts';
import type { WebhookDelivery } from '../../webhook-delivery.ts';
import { withReportStore } from '../report/store.ts';
import { COULD_NOT_EXIT, noSubscription, refusedFlag, type SubscriptionsClient } from './client.ts';

/** Store problems and refused inputs as the one-line errors the user sees. */
function said(error: unknown): unknown {
  if (error instanceof SubscriptionInputError) return refusedFlag(error.field, error.message);
  return error;
}

/**
 * Subscriptions straight in the store: each command opens it, works and closes it. Whoever can
 * open the store manages every area's subscriptions, as an analyst does.
 */
export function storeSubscriptionsClient(
  options: FiguresStoreOptions,
  allow: AllowList,
  delivery: WebhookDelivery,
): SubscriptionsClient {
  const run = async <T>(work: Parameters<typeof withReportStore<T>>[1]): Promise<T> => {
    try {
      return await withReportStore(options, work);
    } catch (error) {
      throw said(error);
    }
  };
  return {
    // Any area of the store's reference, loaded forces' included.
    add: (input) =>
      run(async (store) => {
        const { areas, categories } = await loadReference(store);
        return createSubscription(store, input, { allow, areas, categories });
      }),
    list: (area) => run((store) => listSubscriptions(store, area)),
    remove: (id) =>
      run(async (store) => {
        if (!(await removeSubscription(store, id))) throw noSubscription(id);
      }),
    deliveries: (request) => run((store) => listDeliveries(store, request)),
    retry: (id) =>
      run(async (store) => {
        const outcome = await retryDeadDelivery(store, delivery.retry(store), id);
        if (outcome.kind === 'unknown') throw new UserError(`no delivery "${id}"`, COULD_NOT_EXIT);
        if (outcome.kind === 'not-dead') {
          throw new UserError(
            `delivery ${id} is ${outcome.delivery.status}; only a dead delivery can be retried`,
            COULD_NOT_EXIT,
          );
        }
        return { delivery: outcome.delivery, attempt: outcome.attempt };
      }),
  };
}
