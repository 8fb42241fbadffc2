import { z } from 'zod';
import { parseAllowList } from './target-guard.ts';

/** The settings of every process that makes or sends subscriptions (reporting, notifier, `up`). */
export const webhookConfigFields = {
  /** Receivers allowed beyond the public internet: hosts, addresses or CIDRs, comma-separated. */
  CRIMESTATS_WEBHOOK_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((text, ctx) => {
      try {
        return parseAllowList(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Where subscribers are sent to read more: the reporting service's public address. */
  CRIMESTATS_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .default('http://127.0.0.1:8080')
    .transform((url) => url.replace(/\/+$/, '')),
};
