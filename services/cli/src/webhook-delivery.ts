import { join } from 'node:path';
import { defaultReference, type ReferenceData } from '@crimestats/domain';
import {
  changesFromStore,
  deliverySender,
  mailTransport,
  type MailTransport,
} from '@crimestats/digests';
import {
  createSender,
  retryDelivery,
  type EventLinks,
  type RetryDelivery,
  type SendWebhook,
} from '@crimestats/notifier';
import type { ReportStore } from '@crimestats/reporting';
import type { CliConfig } from './config.ts';

/**
 * The notifier's sender and manual retry, as the command line and `crimestats up` use them: for
 * the dispatcher, pings (`POST /v1/subscriptions/{id}/ping`) and retries of dead deliveries
 * (`subscriptions retry`, `POST /v1/deliveries/{id}/retry`). Webhooks are POSTed; email
 * subscriptions get their digest through CRIMESTATS_SMTP_URL, or, without it, as an `.eml` file
 * in `$CRIMESTATS_HOME/outbox`.
 */
export interface WebhookDelivery {
  /** The sender over these figures: an email digest reads its area's changes from them. */
  sendFrom(figures: ReportStore): SendWebhook;
  retry(store: ReportStore): RetryDelivery;
  /** Where email goes, said at `up`'s start. */
  mail: MailTransport;
}

/** Where the CLI's outbox is: `$CRIMESTATS_HOME/outbox`. */
export const outboxDir = (home: string): string => join(home, 'outbox');

export function webhookDelivery(
  config: Pick<
    CliConfig,
    'webhookAllow' | 'notifier' | 'mail' | 'home' | 'forceCode' | 'publicUrl' | 'host' | 'port'
  >,
  // `up` fills its own address in once it listens; a one-shot command links to where `up` would.
  links: EventLinks = { publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}` },
  // `up` passes the store's reference; a one-shot command's digests name areas from the code's.
  known: ReferenceData = defaultReference,
): WebhookDelivery {
  const webhook = createSender({
    allow: config.webhookAllow,
    timeoutMs: config.notifier.timeoutMs,
  });
  const mail = mailTransport({
    smtpUrl: config.mail.smtpUrl,
    from: config.mail.from,
    outboxDir: outboxDir(config.home),
    timeoutMs: config.notifier.timeoutMs,
  });
  const reference = { ...known, forceCode: config.forceCode };
  const sendFrom = (figures: ReportStore): SendWebhook =>
    deliverySender({
      webhook,
      mail,
      from: config.mail.from,
      reference,
      readChanges: changesFromStore(figures, reference),
      links,
    });
  return {
    sendFrom,
    retry: (store) => (id) => retryDelivery(store, sendFrom(store), id),
    mail,
  };
}
