import { HttpError } from '@crimestats/http';
import { SubscriptionInputError } from '@crimestats/notifier';
import { ReportRequestError, StoreReadError } from './errors.ts';

/** A refused subscription input as the client's 400, naming its field. */
function inputRefusal(error: SubscriptionInputError): ReportRequestError {
  return new ReportRequestError(400, `${error.field}: ${error.message}`, error.field);
}

/** A check of the request's input that does not touch the store. */
export function checkedInput<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw error instanceof SubscriptionInputError ? inputRefusal(error) : error;
  }
}

/**
 * Runs a subscription or delivery operation: a refused input is the client's 400 naming its
 * field, a refusal already decided is passed on, and anything else (the store down) is a 503.
 */
export async function storeCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SubscriptionInputError) throw inputRefusal(error);
    if (error instanceof HttpError) throw error;
    throw new StoreReadError('the subscriptions store did not answer; try again shortly', {
      cause: error,
    });
  }
}

/** The 404 for an id nobody has. */
export const noSuch = (
  what: 'subscription' | 'delivery' | 'feed',
  id: string,
): ReportRequestError => new ReportRequestError(404, `no ${what} "${id.slice(0, 200)}"`, 'id');
