import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { Registry, Counter } from 'prom-client';
import { probeServer } from './probe-server.ts';

describe("a worker's probe server", () => {
  it('answers health always, readiness with the reason it is not ready, and Prometheus metrics', async () => {
    let notReady: string | undefined = 'not consuming yet, or shutting down';
    const registry = new Registry();
    new Counter({
      name: 'crimestats_test_total',
      help: 'a test counter',
      registers: [registry],
    }).inc(3);
    const app = probeServer({
      logger: pino({ level: 'silent' }),
      notReady: () => notReady,
      metrics: registry,
    });
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/readyz')).statusCode).toBe(503);
    notReady = 'crimestats.monthly-records.v1 partition 3 stuck for 301 s without a commit';
    const stuck = await app.inject('/readyz');
    expect(stuck.statusCode).toBe(503);
    expect(stuck.json()).toEqual({ status: 'not ready', error: notReady });
    notReady = undefined;
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    const metrics = await app.inject('/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('crimestats_test_total 3');
    await app.close();
  });
});
