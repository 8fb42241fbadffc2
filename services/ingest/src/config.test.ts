import { describe, expect, it } from 'vitest';
import { loadIngestServiceConfig } from './config.ts';

describe('ingest service config', () => {
  it('reads the store for the loaded reference only when CLICKHOUSE_URL is set', () => {
    const base = { KAFKA_BROKERS: '127.0.0.1:9092' };
    expect(loadIngestServiceConfig(base).clickhouse).toBeUndefined();
    const withStore = loadIngestServiceConfig({
      ...base,
      CLICKHOUSE_URL: 'http://127.0.0.1:8123',
      CLICKHOUSE_USER: 'crime',
      CLICKHOUSE_DATABASE: 'stats',
    });
    expect(withStore.clickhouse).toEqual({
      kind: 'server',
      url: 'http://127.0.0.1:8123',
      username: 'crime',
    });
    expect(withStore.database).toBe('stats');
  });
});
