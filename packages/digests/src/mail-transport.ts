import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { redactSmtpUrl } from './config-fields.ts';

/** Where composed emails go: an SMTP server, the outbox folder, or nowhere (a clear failure). */
export interface MailTransport {
  /** Sends one email; the server's reply code when there is one. Throws when it cannot. */
  send(mail: Mail.Options): Promise<{ replyCode: number | null }>;
  /** Where mail goes, for a log line or the console, without any password. */
  readonly description: string;
}

/** A failure said in the attempt's record: the SMTP reply code when the server gave one. */
export class MailError extends Error {
  override name = 'MailError';

  constructor(
    message: string,
    readonly replyCode: number | null,
  ) {
    super(message);
  }
}

export interface SmtpOptions {
  /** `smtp://user:pass@host:port` (STARTTLS when the server offers it) or `smtps://` (TLS). */
  url: string;
  /** The limit on connecting, the greeting and each reply. */
  timeoutMs: number;
}

const replyCodeOf = (response: unknown): number | null => {
  const code = typeof response === 'string' ? Number(response.slice(0, 3)) : Number.NaN;
  return Number.isInteger(code) ? code : null;
};

/**
 * Sends through an SMTP server, one connection per email (digests are few: one per subscription
 * and load). Errors are said with the server's reply, never with the password in the URL.
 */
export function smtpTransport(options: SmtpOptions): MailTransport {
  const transporter = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const password = passwordOf(options.url);
  const clean = (text: string): string =>
    password === '' ? text : text.split(password).join('***');
  return {
    description: `sent through ${redactSmtpUrl(options.url)}`,
    async send(mail) {
      try {
        const info = (await transporter.sendMail(mail)) as { response?: unknown };
        return { replyCode: replyCodeOf(info.response) };
      } catch (error) {
        const e = error as { responseCode?: unknown; response?: unknown; message?: unknown };
        const replyCode = typeof e.responseCode === 'number' ? e.responseCode : null;
        const said =
          typeof e.response === 'string' && e.response !== ''
            ? `SMTP ${e.response}`
            : String(e.message ?? error);
        throw new MailError(clean(said), replyCode);
      }
    },
  };
}

function passwordOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}

/**
 * Writes each email as an `.eml` file (RFC 5322, as nodemailer composes it for SMTP) into `dir`:
 * single-machine mode without an SMTP server. The file appears whole or not at all.
 */
export function outboxTransport(dir: string, clock: () => Date = () => new Date()): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    description: `written as .eml files to ${dir} (CRIMESTATS_SMTP_URL is not set)`,
    async send(mail) {
      const info = (await composer.sendMail(mail)) as { message: Buffer; messageId?: string };
      await mkdir(dir, { recursive: true });
      const stamp = clock()
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
      const id = (info.messageId ?? 'mail').replace(/[^A-Za-z0-9_-]+/g, '');
      const file = join(dir, `${stamp}-${id}.eml`);
      await writeFile(`${file}.tmp`, info.message);
      await rename(`${file}.tmp`, file);
      return { replyCode: null };
    },
  };
}

/** No way to send email: each attempt fails with `reason` (and is retried like any failure). */
export function unconfiguredTransport(reason: string): MailTransport {
  return {
    description: 'not sent: CRIMESTATS_SMTP_URL is not set',
    send: async () => {
      throw new MailError(reason, null);
    },
  };
}
