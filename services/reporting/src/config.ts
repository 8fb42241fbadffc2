import {
  clickHouseServer,
  clickHouseServerFields,
  forceFields,
  logLevelSchema,
  portSchema,
  rateLimitFields,
  rateLimitOf,
  shutdownDeadlineSchema,
} from '@crimestats/lifecycle';
import { parseTokenEntries } from '@crimestats/auth';
import { emailConfigFields } from '@crimestats/digests';
import { notifierConfigFields } from '@crimestats/notifier';
import { webhookConfigFields } from '@crimestats/webhooks';
import { z } from 'zod';

const ReportingServiceEnv = z.object({
  ...clickHouseServerFields,
  /** The force whose areas are compared: the aggregator's, for windows it does not keep. */
  CRIMESTATS_FORCE: forceFields.CRIMESTATS_FORCE,
  HOST: z.string().default('127.0.0.1'),
  PORT: portSchema(8080),
  /** Reader tokens as `name:role:sha256hex`, comma-separated (roles analyst, board, csp:<code>). */
  CRIMESTATS_TOKENS: z.string().optional(),
  /**
   * How long answers may lag the store, in ms: the data version is checked at most this often
   * and cached answers are reused until it changes. 0 checks on every request; `off` reads the
   * store for every request.
   */
  REPORTING_CACHE_MS: z
    .union([z.literal('off'), z.coerce.number().int().min(0).max(60_000)])
    .default(1000),
  REPORTING_CACHE_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  ...rateLimitFields,
  SHUTDOWN_DEADLINE_MS: shutdownDeadlineSchema(10_000),
  LOG_LEVEL: logLevelSchema('info'),
  ...webhookConfigFields,
  /** Pings and manual retries are sent from here, with the notifier's time limit. */
  NOTIFIER_TIMEOUT_MS: notifierConfigFields.NOTIFIER_TIMEOUT_MS,
  /** Pings and manual retries of email subscriptions go through this SMTP server. */
  ...emailConfigFields,
});

export type ReportingServiceConfig = ReturnType<typeof loadReportingServiceConfig>;

export function loadReportingServiceConfig(env: NodeJS.ProcessEnv = process.env) {
  const e = ReportingServiceEnv.parse(env);
  return {
    clickhouse: clickHouseServer(e),
    database: e.CLICKHOUSE_DATABASE,
    forceCode: e.CRIMESTATS_FORCE,
    host: e.HOST,
    port: e.PORT,
    tokens: parseTokenEntries(e.CRIMESTATS_TOKENS),
    cache:
      e.REPORTING_CACHE_MS === 'off'
        ? undefined
        : { versionTtlMs: e.REPORTING_CACHE_MS, maxEntries: e.REPORTING_CACHE_ENTRIES },
    rateLimit: rateLimitOf(e),
    shutdownDeadlineMs: e.SHUTDOWN_DEADLINE_MS,
    logLevel: e.LOG_LEVEL,
    webhooks: {
      allow: e.CRIMESTATS_WEBHOOK_ALLOW_HOSTS,
      publicUrl: e.CRIMESTATS_PUBLIC_URL,
      timeoutMs: e.NOTIFIER_TIMEOUT_MS,
    },
    mail: {
      smtpUrl: e.CRIMESTATS_SMTP_URL,
      from: e.CRIMESTATS_MAIL_FROM,
    },
  };
}
