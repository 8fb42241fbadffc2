import { describe, expect, it } from 'vitest';
import { loadNotifierConfig } from './config.ts';

describe('notifier config', () => {
  it('defaults to a day of retries, 10 s attempts and nothing but public receivers', () => {
    const config = loadNotifierConfig({
      KAFKA_BROKERS: '127.0.0.1:9092',
      CLICKHOUSE_URL: 'http://127.0.0.1:8123',
    });
    expect(config.NOTIFIER_RETRY_FOR_MS).toBe(86_400_000);
    expect(config.NOTIFIER_TIMEOUT_MS).toBe(10_000);
    expect(config.CRIMESTATS_WEBHOOK_ALLOW_HOSTS.ranges).toEqual([]);
    expect(config.CRIMESTATS_PUBLIC_URL).toBe('http://127.0.0.1:8080');
  });

  it('reads the allow list, and refuses an entry that is no host, address or range', () => {
    const config = loadNotifierConfig({
      KAFKA_BROKERS: '127.0.0.1:9092',
      CLICKHOUSE_URL: 'http://127.0.0.1:8123',
      CRIMESTATS_WEBHOOK_ALLOW_HOSTS: '127.0.0.1, hooks.internal, 10.1.0.0/16',
      CRIMESTATS_PUBLIC_URL: 'https://crime.example.gov.uk/',
    });
    expect(config.CRIMESTATS_WEBHOOK_ALLOW_HOSTS.hosts).toEqual(new Set(['hooks.internal']));
    expect(config.CRIMESTATS_WEBHOOK_ALLOW_HOSTS.ranges).toHaveLength(2);
    expect(config.CRIMESTATS_PUBLIC_URL).toBe('https://crime.example.gov.uk');
    expect(() =>
      loadNotifierConfig({
        KAFKA_BROKERS: '127.0.0.1:9092',
        CLICKHOUSE_URL: 'http://127.0.0.1:8123',
        CRIMESTATS_WEBHOOK_ALLOW_HOSTS: 'not a host!',
      }),
    ).toThrow(/not a host, address or CIDR range/);
  });
});
