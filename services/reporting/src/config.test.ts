import { hashToken } from '@crimestats/auth';
import { describe, expect, it } from 'vitest';
import { loadReportingServiceConfig } from './config.ts';

const base = { CLICKHOUSE_URL: 'http://127.0.0.1:8123' };

describe('loadReportingServiceConfig', () => {
  it('has defaults for everything but the ClickHouse address', () => {
    expect(loadReportingServiceConfig(base)).toEqual({
      clickhouse: { kind: 'server', url: 'http://127.0.0.1:8123' },
      database: 'crimestats',
      forceCode: 'E23000018',
      host: '127.0.0.1',
      port: 8080,
      tokens: [],
      cache: { versionTtlMs: 1000, maxEntries: 5000 },
      rateLimit: { max: 600, windowMs: 60_000 },
      shutdownDeadlineMs: 10_000,
      logLevel: 'info',
      webhooks: {
        allow: { hosts: new Set(), ranges: [] },
        publicUrl: 'http://127.0.0.1:8080',
        timeoutMs: 10_000,
      },
      mail: { smtpUrl: undefined, from: 'crimestats <crimestats@localhost>' },
    });
    expect(() => loadReportingServiceConfig({})).toThrow(/CLICKHOUSE_URL is required/);
  });

  it('takes an SMTP server for email pings and retries, smtp or smtps only', () => {
    const config = loadReportingServiceConfig({
      ...base,
      CRIMESTATS_SMTP_URL: 'smtp://crimestats:pw@mail.example.org:587',
      CRIMESTATS_MAIL_FROM: 'Crime figures <figures@example.gov.uk>',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtp://crimestats:pw@mail.example.org:587',
      from: 'Crime figures <figures@example.gov.uk>',
    });
    expect(() =>
      loadReportingServiceConfig({ ...base, CRIMESTATS_SMTP_URL: 'http://mail.example.org' }),
    ).toThrow(/CRIMESTATS_SMTP_URL/);
  });

  it('reads tokens as hashes, credentials, and turns the cache off on request', () => {
    const config = loadReportingServiceConfig({
      ...base,
      CLICKHOUSE_USER: 'reader',
      CLICKHOUSE_PASSWORD: 'secret',
      CRIMESTATS_TOKENS: `chair:board:${hashToken('x')},south:csp:E07000039:${hashToken('y')}`,
      REPORTING_CACHE_MS: 'off',
    });
    expect(config.clickhouse).toEqual({
      kind: 'server',
      url: 'http://127.0.0.1:8123',
      username: 'reader',
      password: 'secret',
    });
    expect(config.tokens.map((entry) => entry.role)).toEqual(['board', 'csp:E07000039']);
    expect(config.cache).toBeUndefined();
    expect(loadReportingServiceConfig({ ...base, REPORTING_CACHE_MS: '0' }).cache).toEqual({
      versionTtlMs: 0,
      maxEntries: 5000,
    });
  });

  it('refuses a token given in plain text, and a bad database name', () => {
    expect(() =>
      loadReportingServiceConfig({ ...base, CRIMESTATS_TOKENS: 'a:board:plain' }),
    ).toThrow(/sha256 hex/);
    expect(() =>
      loadReportingServiceConfig({ ...base, CLICKHOUSE_DATABASE: 'x; DROP DATABASE y' }),
    ).toThrow();
  });
});
