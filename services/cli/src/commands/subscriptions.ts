import { Command } from 'commander';
import { DeliveryStatusSchema, type NewSubscription } from '@crimestats/contracts';
import { loadCliConfig } from '../config.ts';
import { UserError } from '../user-error.ts';
import { subscriptionsClientFor } from './subscriptions/client-for.ts';
import {
  renderCreated,
  renderDeliveries,
  renderRetried,
  renderSubscriptions,
} from './subscriptions/render.ts';

const FORMATS = ['table', 'json'] as const;
type Format = (typeof FORMATS)[number];
const FORMAT_HELP = `${FORMATS.join(' or ')} (default: table)`;
const MAX_LIMIT = 1000;

function formatOf(flags: { format?: string }): Format {
  const format = flags.format ?? 'table';
  if ((FORMATS as readonly string[]).includes(format)) return format as Format;
  throw new UserError(`--format: expected one of ${FORMATS.join(', ')}, got "${format}"`);
}

function limitOf(text: string | undefined): number {
  if (text === undefined) return 100;
  const limit = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (limit >= 1 && limit <= MAX_LIMIT) return limit;
  throw new UserError(`--limit: expected a whole number from 1 to ${MAX_LIMIT}, got "${text}"`);
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const print = (format: Format, json: unknown, table: () => string): void => {
  process.stdout.write(format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : table());
};
const client = () => subscriptionsClientFor(loadCliConfig());

interface AddFlags {
  area: string;
  url?: string;
  email?: string;
  category: string[];
  format?: string;
}

/** `--url` or `--email`, exactly one; the address itself is checked where it is stored. */
function newSubscription(flags: AddFlags): NewSubscription {
  const categories = flags.category.length === 0 ? {} : { categories: flags.category };
  if (flags.url !== undefined && flags.email === undefined) {
    return { area: flags.area, url: flags.url, ...categories };
  }
  if (flags.email !== undefined && flags.url === undefined) {
    return { area: flags.area, email: flags.email, ...categories };
  }
  throw new UserError('give exactly one of --url <url> or --email <address>');
}

/** `crimestats subscriptions …`: webhook and email subscriptions and their deliveries. */
export function subscriptionsCommand(): Command {
  const add = new Command('add')
    .description(
      "subscribe a webhook URL (prints the id and secret) or an email address to one CSP area's new figures",
    )
    .requiredOption('--area <code>', 'the CSP area, e.g. E07000039')
    .option('--url <url>', 'where deliveries are POSTed: https (http only to allowed hosts)')
    .option('--email <address>', 'instead of --url: one digest per load to this address')
    .option(
      '--category <code>',
      'only this category; repeat for more (default: every one)',
      collect,
      [],
    )
    .option('--format <format>', FORMAT_HELP)
    .action(async (flags: AddFlags) => {
      const format = formatOf(flags);
      const created = await (await client()).add(newSubscription(flags));
      print(format, created, () => renderCreated(created));
      if ('secret' in created) {
        console.error('keep the secret: it is shown only now, and verifies every delivery');
      }
    });

  const list = new Command('list')
    .description('the subscriptions, oldest first, never with their secrets')
    .option('--area <code>', "only this area's")
    .option('--format <format>', FORMAT_HELP)
    .action(async (flags: { area?: string; format?: string }) => {
      const format = formatOf(flags);
      const subscriptions = await (await client()).list(flags.area);
      print(format, { subscriptions }, () => renderSubscriptions(subscriptions));
    });

  const remove = new Command('remove')
    .description('remove a subscription for good')
    .argument('<id>', 'the subscription, sub_…')
    .action(async (id: string) => {
      await (await client()).remove(id);
      console.log(`removed ${id}`);
    });

  const deliveries = new Command('deliveries')
    .description('deliveries, newest first; --status dead lists the dead letters')
    .option('--status <status>', DeliveryStatusSchema.options.join(', '))
    .option('--limit <n>', `how many, 1 to ${MAX_LIMIT} (default: 100)`)
    .option('--format <format>', FORMAT_HELP)
    .action(async (flags: { status?: string; limit?: string; format?: string }) => {
      const format = formatOf(flags);
      const status = DeliveryStatusSchema.optional().safeParse(flags.status);
      if (!status.success) {
        throw new UserError(
          `--status: expected one of ${DeliveryStatusSchema.options.join(', ')}, got "${flags.status}"`,
        );
      }
      const found = await (
        await client()
      ).deliveries({ status: status.data, limit: limitOf(flags.limit) });
      print(format, { deliveries: found }, () => renderDeliveries(found));
    });

  const retry = new Command('retry')
    .description('retry a dead delivery now, with its own webhook-id and body')
    .argument('<id>', 'the delivery, msg_…')
    .option('--format <format>', FORMAT_HELP)
    .action(async (id: string, flags: { format?: string }) => {
      const format = formatOf(flags);
      const retried = await (await client()).retry(id);
      print(format, retried, () => renderRetried(retried));
    });

  return new Command('subscriptions')
    .description('webhook and email subscriptions to new figures, and their deliveries')
    .addCommand(add)
    .addCommand(list)
    .addCommand(remove)
    .addCommand(deliveries)
    .addCommand(retry);
}
