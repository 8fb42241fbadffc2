import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { Registry, Counter } from 'prom-client';
import { buildAggregatorHttp } from './http.ts';

describe('aggregator health endpoints', () => {
  it('answers health always, readiness only when ready, and Prometheus metrics', async () => {
    let ready = false;
    const registry = new Registry();
    new Counter({
      name: 'crimestats_test_total',
      help: 'a test counter',
      registers: [registry],
    }).inc(3);
    const app = buildAggregatorHttp({
      logger: pino({ level: 'silent' }),
      ready: () => ready,
      metrics: registry,
    });
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/readyz')).statusCode).toBe(503);
    ready = true;
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    const metrics = await app.inject('/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('crimestats_test_total 3');
    await app.close();
  });
});
