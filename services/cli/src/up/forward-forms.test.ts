import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { forwardForms, forwardReads } from './local-server.ts';

describe("up's forwarding of one-click unsubscribe", () => {
  const inner = Fastify();
  const outer = Fastify();
  afterAll(async () => {
    await outer.close();
  });

  it('passes a form POST through as it came, and takes forms on those routes only', async () => {
    const seen: Array<{ type: string | undefined; body: unknown; url: string }> = [];
    inner.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => done(null, body),
    );
    inner.post('/unsubscribe/:id', async (req) => {
      seen.push({ type: req.headers['content-type'], body: req.body, url: req.url });
      return 'ok';
    });
    inner.get('/unsubscribe/:id', async () => 'page');
    outer.post('/v1/subscriptions', async () => 'json only');
    forwardReads(outer, inner, ['/unsubscribe/*']);
    await forwardForms(outer, inner, ['/unsubscribe/*']);

    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const res = await outer.inject({
      method: 'POST',
      url: '/unsubscribe/sub_1?token=abc',
      headers: form,
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(seen).toEqual([
      {
        type: 'application/x-www-form-urlencoded',
        body: 'List-Unsubscribe=One-Click',
        url: '/unsubscribe/sub_1?token=abc',
      },
    ]);
    expect(
      (await outer.inject({ method: 'GET', url: '/unsubscribe/sub_1?token=abc' })).payload,
    ).toBe('page');
    const elsewhere = await outer.inject({
      method: 'POST',
      url: '/v1/subscriptions',
      headers: form,
      payload: 'a=b',
    });
    expect(elsewhere.statusCode).toBe(415);
  });
});
