import type { Subscription, TokenHolder } from '@crimestats/contracts';
import {
  createSubscription,
  getWhoami,
  listSubscriptions,
  removeSubscription,
  TokenRefused,
} from './api.ts';
import { el } from './elements.ts';
import { describe } from './messages.ts';
import { areaName, choice, state } from './page-state.ts';
import { askForToken } from './token.ts';

// The chosen area's subscriptions: who receives its figures when they change, and a form to add
// an email address or a webhook, offered only when the token may (its own area for a CSP token,
// any for an analyst; the Board only reads).

let holder: TokenHolder | null = null;
/** Bumped by every refresh, so a slow list for an earlier area is dropped. */
let generation = 0;

const channel = (): 'email' | 'webhook' =>
  new FormData(el.subscribeForm).get('channel') === 'webhook' ? 'webhook' : 'email';

function showChannel(): void {
  const webhook = channel() === 'webhook';
  el.subscribeTargetLabel.textContent = webhook ? 'Webhook URL (https)' : 'Email address';
  el.subscribeTarget.type = webhook ? 'url' : 'email';
  el.subscribeTarget.autocomplete = webhook ? 'off' : 'email';
  el.subscribeTarget.placeholder = webhook ? 'https://' : 'officer@example.gov.uk';
}

function subscriptionError(text: string | null): void {
  el.subscriptionsError.textContent = text ?? '';
  el.subscriptionsError.hidden = text === null;
}

function result(text: string | null): void {
  el.subscribeResult.textContent = text ?? '';
  el.subscribeResult.hidden = text === null;
}

const isCspArea = (code: string): boolean =>
  state.areas.some((area) => area.code === code && area.kind === 'csp');

/** Whether the token may add and remove this area's subscriptions. */
const manages = (area: string): boolean =>
  holder !== null && holder.managesSubscriptions && (holder.area === null || holder.area === area);

/** Shows the chosen area's subscriptions, and the form when the token may use it. */
export async function refreshSubscriptions(): Promise<void> {
  const mine = ++generation;
  const { area } = choice();
  subscriptionError(null);
  el.subscriptionsTitle.textContent = `Subscriptions: ${areaName(area)}`;
  el.subscriptionsBody.replaceChildren();
  if (!isCspArea(area)) {
    el.subscribeForm.hidden = true;
    el.subscriptionsIntro.textContent =
      'Subscriptions are to a CSP area: choose one of the nine to see or add them.';
    return;
  }
  try {
    holder ??= await getWhoami();
    if (holder.area !== null && holder.area !== area) {
      el.subscribeForm.hidden = true;
      el.subscriptionsIntro.textContent = `This token manages ${areaName(holder.area)}'s subscriptions only.`;
      return;
    }
    const may = manages(area);
    el.subscribeForm.hidden = !may;
    el.subscriptionsIntro.textContent = may
      ? `Each load that changes ${areaName(area)}'s figures is sent to every subscription: an email digest, or a signed webhook.`
      : `This token reads ${areaName(area)}'s subscriptions; only an analyst or the area's own token changes them.`;
    const subscriptions = await listSubscriptions(area);
    if (mine !== generation) return;
    el.subscriptionsBody.replaceChildren(...subscriptions.map((s) => row(s, may)));
    if (subscriptions.length === 0) el.subscriptionsIntro.textContent += ' There are none yet.';
  } catch (error) {
    if (error instanceof TokenRefused) askForToken('The token was refused. Paste a valid token.');
    else subscriptionError(`The subscriptions could not be read: ${describe(error)}`);
  }
}

/** Where a subscription sends: its email address or webhook URL. */
function target(subscription: Subscription): string {
  const record = subscription as Subscription & { email?: string; url?: string };
  return record.email ?? record.url ?? '';
}

function row(subscription: Subscription, may: boolean): HTMLTableRowElement {
  const tr = document.createElement('tr');
  const cells = [
    target(subscription),
    subscription.categories.length === 0 ? 'All' : subscription.categories.join(', '),
    subscription.status,
    subscription.createdAt.slice(0, 10),
  ];
  for (const text of cells) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  const action = document.createElement('td');
  if (may) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = 'Remove';
    button.setAttribute('aria-label', `Remove the subscription for ${target(subscription)}`);
    button.addEventListener('click', () => void remove(subscription));
    action.append(button);
  }
  tr.append(action);
  return tr;
}

async function remove(subscription: Subscription): Promise<void> {
  try {
    await removeSubscription(subscription.id);
    result(`Removed the subscription for ${target(subscription)}.`);
    await refreshSubscriptions();
  } catch (error) {
    subscriptionError(`The subscription could not be removed: ${describe(error)}`);
  }
}

async function subscribe(): Promise<void> {
  const { area } = choice();
  const value = el.subscribeTarget.value.trim();
  const webhook = channel() === 'webhook';
  subscriptionError(null);
  result(null);
  try {
    const created = await createSubscription(
      webhook ? { area, url: value } : { area, email: value },
    );
    el.subscribeTarget.value = '';
    const secret = (created as { secret?: string }).secret;
    result(
      webhook && secret !== undefined
        ? `Subscribed ${value}. Its signing secret, shown only now, is ${secret}`
        : `Subscribed ${value}: a digest is sent after each load that changes ${areaName(area)}'s figures.`,
    );
    await refreshSubscriptions();
  } catch (error) {
    if (error instanceof TokenRefused) askForToken('The token was refused. Paste a valid token.');
    else subscriptionError(`Not subscribed: ${describe(error)}`);
  }
}

export function listenToSubscriptions(): void {
  el.subscribeForm.addEventListener('change', showChannel);
  el.subscribeForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void subscribe();
  });
  showChannel();
}

/** A new token may have other rights. */
export function forgetTokenHolder(): void {
  holder = null;
}
