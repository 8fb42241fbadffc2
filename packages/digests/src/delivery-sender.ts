import type { EventLinks, SendWebhook } from '@crimestats/notifier';
import {
  readAreaChanges,
  type AreaChangesSource,
  type FiguresReference,
} from '@crimestats/reporting';
import { createEmailSender, type ReadChanges } from './email-sender.ts';
import {
  outboxTransport,
  smtpTransport,
  unconfiguredTransport,
  type MailTransport,
} from './mail-transport.ts';
import { routeByScheme } from './route-by-scheme.ts';

/** The area-changes answers straight from the store, as the reporting API reads them. */
export const changesFromStore =
  (source: AreaChangesSource, reference: FiguresReference): ReadChanges =>
  (query, area) =>
    readAreaChanges(source, query, area, reference);

export interface MailSettings {
  /** CRIMESTATS_SMTP_URL; without it, the outbox when there is one. */
  smtpUrl?: string | undefined;
  /** CRIMESTATS_MAIL_FROM. */
  from: string;
  /** Single-machine mode's `$CRIMESTATS_HOME/outbox`; omitted, email fails without SMTP. */
  outboxDir?: string | undefined;
  timeoutMs: number;
}

/** SMTP when configured, else the outbox when there is one, else a transport that says why not. */
export function mailTransport(settings: MailSettings): MailTransport {
  if (settings.smtpUrl !== undefined) {
    return smtpTransport({ url: settings.smtpUrl, timeoutMs: settings.timeoutMs });
  }
  if (settings.outboxDir !== undefined) return outboxTransport(settings.outboxDir);
  return unconfiguredTransport(
    'email is not configured: set CRIMESTATS_SMTP_URL to send email subscriptions their digests',
  );
}

export interface DeliverySenderOptions {
  /** The webhook sender (the notifier's `createSender`). */
  webhook: SendWebhook;
  mail: MailTransport;
  from: string;
  reference: FiguresReference;
  readChanges: ReadChanges;
  links: EventLinks;
}

/** Every subscription's sender: webhooks signed and POSTed, email subscriptions' digests mailed. */
export const deliverySender = (options: DeliverySenderOptions): SendWebhook =>
  routeByScheme({
    webhook: options.webhook,
    email: createEmailSender({
      transport: options.mail,
      from: options.from,
      readChanges: options.readChanges,
      areas: options.reference.areas,
      links: options.links,
    }),
  });
