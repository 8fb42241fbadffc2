import { Topics } from '@crimestats/contracts';
import {
  RequiredBrokerListSchema,
  clickHouseServerFields,
  forceFields,
  logLevelSchema,
  portSchema,
  shutdownDeadlineSchema,
} from '@crimestats/lifecycle';
import { emailConfigFields } from '@crimestats/digests';
import { notifierConfigFields } from '@crimestats/notifier';
import { webhookConfigFields } from '@crimestats/webhooks';
import { z } from 'zod';

const NotifierEnv = z.object({
  KAFKA_BROKERS: RequiredBrokerListSchema,
  ...clickHouseServerFields,
  ...webhookConfigFields,
  ...notifierConfigFields,
  ...emailConfigFields,
  /** The force compared in digests' figures for windows the aggregator does not keep. */
  CRIMESTATS_FORCE: forceFields.CRIMESTATS_FORCE,
  NOTIFIER_GROUP_ID: z.string().default('crimestats-notifier'),
  /** Topic names; only tests change them. */
  TOPIC_FIGURES_UPDATED: z.string().default(Topics.figuresUpdated),
  TOPIC_FIGURES_UPDATED_DEAD_LETTER: z.string().default(Topics.figuresUpdatedDeadLetter),
  HOST: z.string().default('127.0.0.1'),
  PORT: portSchema(8083),
  SHUTDOWN_DEADLINE_MS: shutdownDeadlineSchema(20_000),
  LOG_LEVEL: logLevelSchema('info'),
});

export type NotifierConfig = z.infer<typeof NotifierEnv>;

export function loadNotifierConfig(env: NodeJS.ProcessEnv = process.env): NotifierConfig {
  return NotifierEnv.parse(env);
}
