import type { CreatedSubscription, Delivery, Subscription } from '@crimestats/contracts';
import { defaultAreas } from '@crimestats/domain';
import type { Retried } from './client.ts';

/** Rows as columns padded to their widest cell, two spaces apart. */
function columns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '),
    )
    .join('\n')
    .concat('\n');
}

const areaName = (code: string): string => defaultAreas.byCode(code)?.name ?? code;
const categoriesText = (codes: readonly string[]): string =>
  codes.length === 0 ? 'every category' : codes.join(' ');

/** Where a subscription's deliveries go: its URL, or `mailto:` its email address. */
const targetOf = (sub: Subscription): string => ('url' in sub ? sub.url : `mailto:${sub.email}`);

export function renderCreated(sub: CreatedSubscription): string {
  return columns([
    ['id', sub.id],
    ['area', `${sub.area} (${areaName(sub.area)})`],
    ['categories', categoriesText(sub.categories)],
    ...('url' in sub
      ? [
          ['url', sub.url],
          ['secret', sub.secret],
        ]
      : [['email', sub.email]]),
  ]);
}

export function renderSubscriptions(subs: readonly Subscription[]): string {
  if (subs.length === 0) return 'no subscriptions\n';
  return columns([
    ['id', 'area', 'status', 'created', 'categories', 'url'],
    ...subs.map((s) => [
      s.id,
      s.area,
      s.status,
      s.createdAt,
      categoriesText(s.categories),
      targetOf(s),
    ]),
  ]);
}

export function renderDeliveries(deliveries: readonly Delivery[]): string {
  if (deliveries.length === 0) return 'no deliveries\n';
  return columns([
    ['id', 'area', 'subscription', 'status', 'attempts', 'updated', 'last error'],
    ...deliveries.map((d) => [
      d.id,
      d.area,
      d.subscriptionId,
      d.status,
      String(d.attempts),
      d.updatedAt,
      d.lastError ?? '',
    ]),
  ]);
}

export function renderRetried({ delivery, attempt }: Retried): string {
  const answered = attempt.statusCode === null ? 'no answer' : `HTTP ${attempt.statusCode}`;
  const error = attempt.error === null ? '' : `: ${attempt.error}`;
  return (
    `delivery ${delivery.id}: ${attempt.outcome} (${answered}, ${attempt.durationMs} ms)${error}; ` +
    `now ${delivery.status} after ${delivery.attempts} attempts\n`
  );
}
