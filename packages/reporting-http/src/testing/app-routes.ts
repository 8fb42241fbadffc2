import { listRoutes } from '@crimestats/http';
import { openClickHouse } from '@crimestats/store';
import { buildTestApp } from './reporting-fixture.ts';
import { fakeSubscriptionSettings } from './subscriptions-fixture.ts';

/**
 * Every route of the reporting app as the contract writes it (`GET /v1/areas/{code}/trend`), from
 * Fastify's own list. The app is built over a client that is never asked anything, with the
 * subscription routes it serves only when given their settings.
 */
export async function reportingAppRoutes(): Promise<string[]> {
  const client = openClickHouse({ kind: 'server', url: 'http://127.0.0.1:9' });
  const app = await buildTestApp(
    { client, database: 'unused' },
    { cache: undefined, subscriptions: fakeSubscriptionSettings().settings },
  );
  try {
    await app.ready();
    return listRoutes(app);
  } finally {
    await app.close();
    await client.close();
  }
}
