import { embeddedDataPath } from '@crimestats/single-machine';
import type { ClickHouseTarget } from '@crimestats/store';
import type { CliConfig } from './config.ts';

/**
 * Where the command line's store is: the ClickHouse server when CLICKHOUSE_URL names one, else
 * the embedded engine in CRIMESTATS_HOME (single-machine mode's own data folder).
 */
export function storeTarget(config: CliConfig): ClickHouseTarget {
  return config.clickhouse
    ? { kind: 'server', ...config.clickhouse }
    : { kind: 'embedded', path: embeddedDataPath(config.home) };
}
