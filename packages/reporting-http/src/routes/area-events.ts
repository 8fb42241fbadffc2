import type { AreaRegistry } from '@crimestats/domain';
import { ErrorAnswerSchema } from '@crimestats/http';
import type { EventTail } from '@crimestats/notifier';
import { AreaCodeParamSchema } from '@crimestats/reporting';
import type { FigureEventsRepository } from '@crimestats/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeArea } from '../auth.ts';
import { AreaEventStream, RESUME_LIMIT, SSE_HEADERS } from '../event-stream.ts';
import { knownArea } from '../known-codes.ts';
import { bearer } from '../route-schemas.ts';

export interface AreaEventsRouteDeps {
  areas: AreaRegistry;
  tail: EventTail;
  events: Pick<FigureEventsRepository, 'get' | 'forArea'>;
  heartbeatMs: number;
}

// Visible ASCII on one line, as event ids are; anything else cannot name one.
const EventIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'expected an event id')
  .meta({ description: 'The id of the last event the client saw' });

/** The live stream of one area's figures events, as server-sent events. */
export const areaEventsRoutes: FastifyPluginAsyncZod<AreaEventsRouteDeps> = async (app, deps) => {
  const open = new Set<AreaEventStream>();
  // Before the server waits for its connections to end: an open stream never would.
  app.addHook('preClose', async () => {
    for (const stream of [...open]) stream.close();
  });

  app.get(
    '/areas/:code/events',
    {
      schema: {
        summary: "One area's figures events, live (server-sent events)",
        description:
          "A `text/event-stream` that stays open: each time a load changes the area's figures, " +
          'one `figures.updated` event, `id:` the event id and `data:` the same JSON as a ' +
          "webhook's `data` (the area, the periods and categories that moved, links). A " +
          '`: heartbeat` comment comes every 15 s, so a quiet stream is told from a dead one. ' +
          'A client that reconnects with `Last-Event-ID` (browsers send it; or `?lastEventId=` ' +
          `where headers cannot be set; the header wins) is first sent the events it missed, ` +
          `at most the newest ${RESUME_LIMIT}; an id not stored for this area resends nothing. ` +
          'Events may rarely repeat: dedupe by id. A CSP token may read only its own area.',
        tags: ['reports'],
        security: bearer,
        params: z.object({ code: AreaCodeParamSchema }),
        querystring: z.strictObject({ lastEventId: EventIdSchema.optional() }),
        // Loose: every other header passes through untouched.
        headers: z.looseObject({ 'last-event-id': EventIdSchema.optional() }),
        response: {
          200: {
            description: 'The stream, open until the client or the server closes it',
            content: {
              'text/event-stream': {
                schema: z.string().meta({
                  description:
                    'Frames `id: evt_…`, `event: figures.updated`, `data: {…}`; comments ' +
                    '(`: heartbeat`) between',
                }),
              },
            },
          },
          400: ErrorAnswerSchema.meta({ description: 'A malformed area code or event id' }),
          401: ErrorAnswerSchema.meta({ description: 'No token, or one that is not configured' }),
          403: ErrorAnswerSchema.meta({ description: "A CSP token asked for another area's" }),
          404: ErrorAnswerSchema.meta({ description: 'Unknown area' }),
        },
      },
    },
    async (req, reply) => {
      const area = knownArea(deps.areas, req.params.code);
      authorizeArea(req.principal, area.code);
      const lastEventId = req.headers['last-event-id'] ?? req.query.lastEventId;

      reply.hijack();
      reply.raw.writeHead(200, SSE_HEADERS);
      reply.raw.flushHeaders();
      const stream = new AreaEventStream(
        reply.raw,
        {
          area: area.code,
          tail: deps.tail,
          events: deps.events,
          heartbeatMs: deps.heartbeatMs,
          logger: req.log,
        },
        () => open.delete(stream),
      );
      open.add(stream);
      await stream.start(lastEventId);
    },
  );
};
