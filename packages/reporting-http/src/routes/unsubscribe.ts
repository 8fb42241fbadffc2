import type { AreaRegistry } from '@crimestats/domain';
import { unsubscribeByToken, validUnsubscribe, type SubscriptionStore } from '@crimestats/notifier';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { storeCall } from '../store-calls.ts';
import { IdParamSchema } from '../subscription-schemas.ts';

export interface UnsubscribeRouteDeps {
  store: SubscriptionStore;
  areas: AreaRegistry;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const page = (title: string, body: string): string =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title)}</title></head>` +
  `<body><h1>${escape(title)}</h1>${body}</body></html>\n`;

// The same answer for an unknown id, a webhook's id and a wrong token: the link says nothing
// about which subscriptions exist.
const INVALID = page(
  'Link not valid',
  '<p>This unsubscribe link is not valid, or its subscription has already been removed.</p>',
);

function html(reply: FastifyReply, status: number, body: string) {
  return (
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      // The token is in the address: it goes to no other site, and no cache keeps it.
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; form-action 'self'")
      .send(body)
  );
}

const params = z.object({ id: IdParamSchema });
const querystring = z.object({ token: z.string().max(200).default('') });

/**
 * One-click unsubscribe for email subscriptions (RFC 8058), outside /v1 and without a token: the
 * link's HMAC is the proof. A GET only shows a page whose button POSTs, since mail scanners
 * follow links; the POST (`List-Unsubscribe=One-Click`, or the button's form) removes it.
 */
export const unsubscribeRoutes: FastifyPluginAsyncZod<UnsubscribeRouteDeps> = async (app, deps) => {
  // The body says only "One-Click"; whatever form it comes in, the token decides.
  app.addContentTypeParser(
    ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'],
    { parseAs: 'string', bodyLimit: 4096 },
    (_req, _body, done) => done(null, undefined),
  );

  app.get(
    '/unsubscribe/:id',
    {
      schema: {
        summary: 'The page an email unsubscribe link opens: a button that unsubscribes',
        description:
          'Changes nothing (mail scanners follow links): the page POSTs to the same address. ' +
          'An unknown id or a wrong token answers the same 404 page.',
        tags: ['subscriptions'],
        params,
        querystring,
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const subscription = await storeCall(() => validUnsubscribe(deps.store, id, req.query.token));
      if (subscription === undefined) return html(reply, 404, INVALID);
      const area = deps.areas.byCode(subscription.area)?.name ?? subscription.area;
      const action = `${encodeURIComponent(id)}?token=${encodeURIComponent(req.query.token)}`;
      return html(
        reply,
        200,
        page(
          'Unsubscribe',
          `<p>Stop the emails of ${escape(area)}'s crime figures to this address?</p>` +
            `<form method="post" action="${escape(action)}">` +
            '<input type="hidden" name="List-Unsubscribe" value="One-Click">' +
            '<button type="submit">Unsubscribe</button></form>',
        ),
      );
    },
  );

  app.post(
    '/unsubscribe/:id',
    {
      schema: {
        summary: 'One-click unsubscribe (RFC 8058): removes an email subscription',
        description:
          'The body is `List-Unsubscribe=One-Click` (form-encoded); the `token` from the ' +
          "email's link is the proof, no bearer token is needed. 200 once removed; an unknown id " +
          'or a wrong token answers the same 404.',
        tags: ['subscriptions'],
        params,
        querystring,
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const removed = await storeCall(() => unsubscribeByToken(deps.store, id, req.query.token));
      if (!removed) return html(reply, 404, INVALID);
      return html(
        reply,
        200,
        page('Unsubscribed', '<p>You are unsubscribed: no more emails will come from it.</p>'),
      );
    },
  );
};
