import Fastify from 'fastify';
import pino from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { probeServer } from './probe-server.ts';
import { addSecurityHeaders } from './security-headers.ts';

describe('security headers', () => {
  it("keeps a route's own policy, adding frame-ancestors only when it does not say", async () => {
    const app = Fastify();
    addSecurityHeaders(app);
    app.get('/own', async (_req, reply) =>
      reply.header('content-security-policy', "default-src 'none'").send('x'),
    );
    app.get('/framed', async (_req, reply) =>
      reply.header('content-security-policy', "frame-ancestors 'self'").send('x'),
    );
    app.get('/plain', async () => ({ ok: true }));
    const policy = async (url: string) =>
      (await app.inject(url)).headers['content-security-policy'];
    expect(await policy('/own')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(await policy('/framed')).toBe("frame-ancestors 'self'");
    expect(await policy('/plain')).toBe("frame-ancestors 'none'");
    const missing = await app.inject('/nowhere');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
    expect(missing.headers['x-frame-options']).toBe('DENY');
    await app.close();
  });

  it("are on a worker's probes too", async () => {
    const app = probeServer({
      logger: pino({ level: 'silent' }),
      notReady: () => undefined,
      metrics: new Registry(),
    });
    for (const url of ['/healthz', '/readyz', '/metrics', '/nowhere']) {
      const res = await app.inject(url);
      expect({ url, nosniff: res.headers['x-content-type-options'] }).toEqual({
        url,
        nosniff: 'nosniff',
      });
    }
    await app.close();
  });
});
