import { z } from 'zod';

/** The email settings: every process that sends digests or pings takes these. */
export const emailConfigFields = {
  /**
   * The SMTP server digests go through: `smtp://user:pass@host:port` (upgraded with STARTTLS when
   * the server offers it) or `smtps://user:pass@host:port` (TLS from the start).
   */
  CRIMESTATS_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The From of every email. */
  CRIMESTATS_MAIL_FROM: z.string().min(3).default('crimestats <crimestats@localhost>'),
};

/** The URL as it may be logged: its password replaced. */
export function redactSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable SMTP URL)';
  }
}
