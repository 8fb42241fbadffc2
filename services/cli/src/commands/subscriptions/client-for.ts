import type { CliConfig } from '../../config.ts';
import { UserError } from '../../user-error.ts';
import { webhookDelivery } from '../../webhook-delivery.ts';
import { figuresStoreOptions, runningReportServer } from '../report/store.ts';
import type { SubscriptionsClient } from './client.ts';
import { serverSubscriptionsClient } from './server-client.ts';
import { storeSubscriptionsClient } from './store-client.ts';

/**
 * The running `crimestats up`'s API when there is one (it owns the embedded engine's folder, and
 * its local analyst token manages every area), else the store: the ClickHouse server in
 * distributed mode, the embedded engine otherwise.
 */
export async function subscriptionsClientFor(config: CliConfig): Promise<SubscriptionsClient> {
  const server = await runningReportServer(config);
  if (server) return serverSubscriptionsClient(server);
  if (config.mode === 'distributed' && !config.clickhouse) {
    throw new UserError(
      'subscriptions need CLICKHOUSE_URL when KAFKA_BROKERS is set: in distributed mode they are kept on a ClickHouse server',
    );
  }
  return storeSubscriptionsClient(
    figuresStoreOptions(config),
    config.webhookAllow,
    webhookDelivery(config),
  );
}
