import {
  createClient,
  type ClickHouseClient,
  type ClickHouseClientConfigOptions,
} from '@clickhouse/client';
import { createRequire } from 'node:module';
import type { createChdbConnection as CreateChdbConnection } from 'chdb/connection';

/** Where the figures live: a ClickHouse server over HTTP, or the embedded engine in this process. */
export type ClickHouseTarget =
  | { kind: 'server'; url: string; username?: string; password?: string }
  | { kind: 'embedded'; path: string };

type ClientConnection = NonNullable<ClickHouseClientConfigOptions['connection']>;

/**
 * chdb types its connection against its own copy of @clickhouse/client-common, which can lag the
 * client's by a patch release; the runtime contract is the same, so the one cast lives here.
 */
function embeddedConnection(path: string): ClientConnection {
  // Loaded on first use: the engine's library is large, and services that talk to a ClickHouse
  // server should neither map it into memory nor need it installed.
  const { createChdbConnection } = createRequire(import.meta.url)('chdb/connection') as {
    createChdbConnection: typeof CreateChdbConnection;
  };
  return createChdbConnection({ path }) as unknown as ClientConnection;
}

export function openClickHouse(target: ClickHouseTarget, database?: string): ClickHouseClient {
  if (target.kind === 'embedded') {
    return createClient({
      connection: embeddedConnection(target.path),
      ...(database ? { database } : {}),
    });
  }
  return createClient({
    url: target.url,
    ...(target.username ? { username: target.username } : {}),
    ...(target.password ? { password: target.password } : {}),
    ...(database ? { database } : {}),
  });
}
