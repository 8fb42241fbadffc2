import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, dashboardRoutes } from './routes.ts';

describe('dashboardRoutes', () => {
  const app = Fastify();
  beforeAll(async () => {
    await app.register(dashboardRoutes);
    await app.ready();
  });
  afterAll(() => app.close());

  it('serves the page at / with a policy that keeps it to this server', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.body).toContain('<script type="module" src="/dashboard/app.js"></script>');
    expect(res.body).not.toMatch(/<script>|style="/);
  });

  it('serves the same page at /dashboard/ and sends /dashboard there', async () => {
    expect((await app.inject({ method: 'GET', url: '/dashboard/' })).statusCode).toBe(200);
    const res = await app.inject({ method: 'GET', url: '/dashboard' });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/');
  });

  it.each([
    ['/dashboard/app.js', 'text/javascript; charset=utf-8'],
    ['/dashboard/format.js', 'text/javascript; charset=utf-8'],
    ['/dashboard/style.css', 'text/css; charset=utf-8'],
    ['/dashboard/vendor/chart.umd.js', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s', async (url, type) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.length).toBeGreaterThan(100);
  });

  it('serves Chart.js from its UMD build', async () => {
    const res = await app.inject({ method: 'GET', url: '/dashboard/vendor/chart.umd.js' });
    expect(res.body).toMatch(/Chart\.js v4/);
  });

  it.each([
    '/dashboard/../package.json',
    '/dashboard/%2e%2e/package.json',
    '/dashboard/format.d.ts',
    '/dashboard/index.html/x',
    '/dashboard/constructor',
  ])('answers 404 for %s', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
  });
});
