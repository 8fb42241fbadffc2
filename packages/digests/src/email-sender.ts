import { performance } from 'node:perf_hooks';
import { FiguresEventSchema, type FiguresEvent } from '@crimestats/contracts';
import type { Area, AreaRegistry } from '@crimestats/domain';
import {
  emailOf,
  unsubscribeUrl,
  type AttemptResult,
  type EventLinks,
  type SendWebhook,
  type WebhookMessage,
  type WebhookTarget,
} from '@crimestats/notifier';
import type { AreaChangesAnswer, AreaChangesQuery } from '@crimestats/reporting';
import type Mail from 'nodemailer/lib/mailer';
import { buildDigest } from './digest.ts';
import { MailError, type MailTransport } from './mail-transport.ts';
import { pingSubject } from './subject.ts';

/** The area-changes answer for an area and period: the reporting reads over the store. */
export type ReadChanges = (query: AreaChangesQuery, area: Area) => Promise<AreaChangesAnswer>;

export interface EmailSenderOptions {
  transport: MailTransport;
  /** The From: `crimestats <crimestats@example.org>`. */
  from: string;
  readChanges: ReadChanges;
  areas: AreaRegistry;
  /** Unsubscribe links point here; read at each send, so `up` can fill it in once it listens. */
  links: EventLinks;
}

/**
 * Sends a subscription's event as email to its `mailto:` target: a figures event as the area's
 * digest for the event's newest period, a ping as a short test. Never throws: a failure to read
 * the figures or to send is a `failed` outcome, retried like a webhook's. A permanent SMTP
 * rejection (5xx) is `failed` too: the delivery is retried until its window ends, then dead, and
 * its last error says what the server said.
 */
export function createEmailSender(options: EmailSenderOptions): SendWebhook {
  return async (target, message) => {
    const started = performance.now();
    const result = (
      outcome: AttemptResult['outcome'],
      statusCode: number | null,
      error: string | null,
    ): AttemptResult => ({ outcome, statusCode, durationMs: performance.now() - started, error });
    try {
      const mail = await composeEmail(target, message, options);
      const sent = await options.transport.send(mail);
      return result('delivered', sent.replyCode, null);
    } catch (error) {
      if (error instanceof MailError) return result('failed', error.replyCode, error.message);
      return result('failed', null, error instanceof Error ? error.message : String(error));
    }
  };
}

/** The email for one attempt: the same Message-ID on every attempt of a delivery. */
export async function composeEmail(
  target: WebhookTarget,
  message: WebhookMessage,
  options: Omit<EmailSenderOptions, 'transport'>,
): Promise<Mail.Options> {
  const to = emailOf(target.url);
  if (to === undefined) throw new Error(`not an email target: ${target.url}`);
  const subscription = target.subscription;
  if (subscription === undefined) throw new Error('no subscription to unsubscribe from');
  const event: FiguresEvent = FiguresEventSchema.parse(JSON.parse(message.body));
  const unsubscribe = unsubscribeUrl(options.links.publicUrl, subscription.id, target.secret);
  const common: Mail.Options = {
    from: options.from,
    to,
    messageId: `<${message.id}@${domainOf(options.from)}>`,
    list: { unsubscribe: { url: unsubscribe, comment: 'Unsubscribe' } },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
  const newest = event.data.periods[0];
  if (event.type === 'ping' || newest === undefined) {
    const subject = pingSubject(event.data.area.name);
    const text =
      `This address is subscribed to ${event.data.area.name}'s crime figures: an email comes ` +
      `with each load of new figures.\n\nDashboard: ${event.data.links.dashboard}\n\n` +
      `Unsubscribe: ${unsubscribe}\n`;
    return { ...common, subject, text };
  }
  const area = options.areas.byCode(event.data.area.code);
  if (area === undefined) throw new Error(`unknown area ${event.data.area.code}`);
  const query = { areaCode: area.code, periodEnd: newest.period.end, months: newest.period.months };
  const answer = await options.readChanges(query, area).catch((error: unknown) => {
    throw new Error(
      `could not read the figures: ${error instanceof Error ? error.message : error}`,
    );
  });
  const digest = buildDigest({
    event: event.data,
    answer,
    categories: subscription.categories,
    rankedAreas: options.areas.cspAreas().length,
    unsubscribeUrl: unsubscribe,
  });
  return {
    ...common,
    subject: digest.subject,
    text: digest.text,
    html: digest.html,
    attachments: [
      { filename: digest.csvFilename, content: digest.csv, contentType: 'text/csv; charset=utf-8' },
    ],
  };
}

function domainOf(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'crimestats.invalid';
}
