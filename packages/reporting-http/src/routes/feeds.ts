import { CreatedFeedSchema, FeedSchema, NewFeedSchema } from '@crimestats/contracts';
import { cspAreaOf } from '@crimestats/auth';
import type { AreaRegistry } from '@crimestats/domain';
import {
  createFeed,
  getFeed,
  listFeeds,
  revokeFeed,
  subscribableArea,
  type FeedStore,
} from '@crimestats/notifier';
import { AreaCodeParamSchema } from '@crimestats/reporting';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeManage, authorizeSubscriptionRead, refuseReadOnlyFor } from '../auth.ts';
import { bearer } from '../route-schemas.ts';
import { checkedInput, noSuch, storeCall } from '../store-calls.ts';
import { IdParamSchema, refusals } from '../subscription-schemas.ts';
import { ErrorAnswerSchema } from '@crimestats/http';

export interface FeedRouteDeps {
  store: FeedStore;
  areas: AreaRegistry;
  /** The address feed URLs are made under; the address the request came to when omitted. */
  publicUrl?: string | undefined;
  clock?: (() => Date) | undefined;
}

const FEEDS = 'feeds';
const params = z.object({ id: IdParamSchema });
const feedNotFound = { 404: ErrorAnswerSchema.meta({ description: 'No feed by that id' }) };

/** Private Atom feeds of one area's figures events: make, list, read and revoke them. */
export const feedRoutes: FastifyPluginAsyncZod<FeedRouteDeps> = async (app, deps) => {
  const { store } = deps;
  const publicUrl = (req: FastifyRequest): string =>
    deps.publicUrl ?? `${req.protocol}://${req.host}`;

  async function stored(id: string) {
    const feed = await storeCall(() => getFeed(store, id));
    if (feed === undefined) throw noSuch('feed', id);
    return feed;
  }

  app.post(
    '/feeds',
    {
      onRequest: refuseReadOnlyFor(FEEDS),
      schema: {
        summary: "Make a private Atom feed of one CSP area's figures events",
        description:
          "The answer holds the feed's URL (`<public address>/feeds/<token>.atom`), shown this " +
          'once only: the token is kept as its SHA-256. Feed readers and Teams or Outlook ' +
          'connectors read it without a token header, so treat it as a secret; revoke it with ' +
          '`DELETE`. Analysts make feeds of any area; a CSP token only of its own; the Board cannot.',
        tags: ['feeds'],
        security: bearer,
        body: z.strictObject(NewFeedSchema.shape),
        response: {
          201: CreatedFeedSchema.meta({ description: 'The feed, with its private URL' }),
          ...refusals,
        },
      },
    },
    async (req, reply) => {
      const area = checkedInput(() => subscribableArea(deps.areas, req.body.area));
      authorizeManage(req.principal, area, FEEDS);
      const created = await storeCall(() =>
        createFeed(store, area, {
          areas: deps.areas,
          links: { publicUrl: publicUrl(req) },
          clock: deps.clock,
        }),
      );
      return reply
        .code(201)
        .header('location', `/v1/feeds/${encodeURIComponent(created.id)}`)
        .send(created);
    },
  );

  app.get(
    '/feeds',
    {
      schema: {
        summary: 'The feeds, oldest first, without their URLs',
        description:
          "Analysts and the Board see every area's (one area's with `area`); a CSP token sees its " +
          "own area's only.",
        tags: ['feeds'],
        security: bearer,
        querystring: z.strictObject({ area: AreaCodeParamSchema.optional() }),
        response: {
          200: z.object({ feeds: z.array(FeedSchema) }).meta({ description: 'The feeds' }),
          ...refusals,
        },
      },
    },
    async (req) => {
      const asked = req.query.area;
      const area =
        asked === undefined ? undefined : checkedInput(() => subscribableArea(deps.areas, asked));
      if (area !== undefined) authorizeSubscriptionRead(req.principal, area, FEEDS);
      const own = req.principal && cspAreaOf(req.principal);
      const feeds = await storeCall(() => listFeeds(store, area ?? own));
      return { feeds };
    },
  );

  app.get(
    '/feeds/:id',
    {
      schema: {
        summary: 'One feed, without its URL',
        description: "A CSP token asking for another area's feed is refused (403).",
        tags: ['feeds'],
        security: bearer,
        params,
        response: {
          200: FeedSchema.meta({ description: 'The feed' }),
          ...refusals,
          ...feedNotFound,
        },
      },
    },
    async (req) => {
      const feed = await stored(req.params.id);
      authorizeSubscriptionRead(req.principal, feed.area, FEEDS);
      return feed;
    },
  );

  app.delete(
    '/feeds/:id',
    {
      onRequest: refuseReadOnlyFor(FEEDS),
      schema: {
        summary: 'Revoke a feed for good',
        description: 'Its URL answers 404 from then on.',
        tags: ['feeds'],
        security: bearer,
        params,
        response: {
          204: z.null().meta({ description: 'Revoked' }),
          ...refusals,
          ...feedNotFound,
        },
      },
    },
    async (req, reply) => {
      const feed = await stored(req.params.id);
      authorizeManage(req.principal, feed.area, FEEDS);
      // Revoked by someone else in between: gone all the same.
      await storeCall(() => revokeFeed(store, req.params.id));
      return reply.code(204).send(null);
    },
  );
};
