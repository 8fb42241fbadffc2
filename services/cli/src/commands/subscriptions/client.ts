import type {
  CreatedSubscription,
  Delivery,
  DeliveryStatus,
  NewSubscription,
  Subscription,
} from '@crimestats/contracts';
import type { AttemptResult } from '@crimestats/notifier';
import { UserError } from '../../user-error.ts';

/** Exit status when the command could not do it: no such id, not dead, the store or sending down. */
export const COULD_NOT_EXIT = 1;

export interface DeliveriesRequest {
  status?: DeliveryStatus | undefined;
  limit: number;
}

export interface Retried {
  delivery: Delivery;
  attempt: AttemptResult;
}

/**
 * What the `subscriptions` commands do, one way for both places they can do it: the API of the
 * `crimestats up` running on this machine, with its local analyst token, or the store itself.
 * Either refuses the same inputs with the same messages.
 */
export interface SubscriptionsClient {
  add(input: NewSubscription): Promise<CreatedSubscription>;
  list(area?: string): Promise<Subscription[]>;
  remove(id: string): Promise<void>;
  deliveries(request: DeliveriesRequest): Promise<Delivery[]>;
  retry(id: string): Promise<Retried>;
}

/** The flag a refused field of a new subscription came from. */
const FLAG_OF: Record<string, string> = { area: 'area', categories: 'category', url: 'url' };

/** A refused field as the flag's usage error: `--url: the URL is refused: …` (exit 2). */
export function refusedFlag(field: string, message: string): UserError {
  const flag = FLAG_OF[field] ?? field;
  return new UserError(`--${flag}: ${message.replace(new RegExp(`^${field}: `), '')}`);
}

export const noSubscription = (id: string): UserError =>
  new UserError(`no subscription "${id}"`, COULD_NOT_EXIT);
