import { createHash } from 'node:crypto';
import { ErrorAnswerSchema } from '@crimestats/http';
import { readFeed, type EventNames, type FeedStore } from '@crimestats/notifier';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReportRequestError } from '../errors.ts';
import { storeCall } from '../store-calls.ts';

export interface AtomFeedRouteDeps {
  store: FeedStore;
  names: EventNames;
  /** The address the feed's links point at; the address the request came to when omitted. */
  publicUrl?: string | undefined;
}

/** Feed readers poll; a minute keeps them from reading the store on every poll of a busy hour. */
const CACHE_CONTROL = 'private, max-age=60';

/** Everything in a path under /feeds/, where a feed's token is (or a mistyped one). */
const FEED_PATH = /^\/feeds\/[^?#]*/;

/** A request URL as it may be logged: a feed's token hidden, since the token is its secret. */
export const hideFeedToken = (url: string): string => url.replace(FEED_PATH, '/feeds/[hidden]');

/** Whether the client's copy is current: by ETag when it sends one, else by date (seconds). */
function notModified(req: FastifyRequest, etag: string, updatedMs: number): boolean {
  const tags = req.headers['if-none-match'];
  if (tags !== undefined) {
    return tags.split(',').some((tag) => {
      const bare = tag.trim().replace(/^W\//, '');
      return bare === etag || bare === '*';
    });
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(updatedMs / 1000) * 1000 <= since;
}

/**
 * The feeds themselves, outside /v1 and without a token header: feed readers and Teams or Outlook
 * connectors send none. The unguessable token in the path is the access; an unknown or revoked
 * one is a 404, the same answer whichever it is.
 */
export const atomFeedRoute: FastifyPluginAsyncZod<AtomFeedRouteDeps> = async (app, deps) => {
  app.get(
    '/feeds/:token.atom',
    {
      schema: {
        summary: "An area's figures events as an Atom 1.0 feed",
        description:
          "The area's newest 50 events, newest first, each with the newest period's table as " +
          "XHTML, rounded as the plan prints. Open: the path's token is the access, shown only " +
          'when the feed was made (`POST /v1/feeds`). Cached for a minute; `If-None-Match` and ' +
          '`If-Modified-Since` are answered 304 when nothing changed.',
        tags: ['feeds'],
        security: [],
        params: z.object({ token: z.string() }),
        response: {
          200: {
            description: 'The feed',
            content: { 'application/atom+xml': { schema: z.string() } },
          },
          304: z.null().meta({ description: 'Not changed since the copy the client has' }),
          404: ErrorAnswerSchema.meta({ description: 'No feed has this token, or it was revoked' }),
          503: ErrorAnswerSchema.meta({ description: 'The store did not answer' }),
        },
      },
    },
    async (req, reply) => {
      const links = { publicUrl: deps.publicUrl ?? `${req.protocol}://${req.host}` };
      const feed = await storeCall(() =>
        readFeed(deps.store, req.params.token, { names: deps.names, links }),
      );
      if (feed === undefined) throw new ReportRequestError(404, 'no such feed');
      const etag = `"${createHash('sha256').update(feed.xml).digest('base64url').slice(0, 32)}"`;
      reply
        .header('cache-control', CACHE_CONTROL)
        .header('etag', etag)
        .header('last-modified', new Date(feed.updatedMs).toUTCString())
        .header('x-content-type-options', 'nosniff');
      if (notModified(req, etag, feed.updatedMs)) return reply.code(304).send(null);
      return reply.type('application/atom+xml; charset=utf-8').send(feed.xml);
    },
  );
};
