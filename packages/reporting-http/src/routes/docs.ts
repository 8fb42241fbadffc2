import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import { atLeastWarn } from '@crimestats/http';

/**
 * The OpenAPI document, generated from the routes' zod schemas, and a page to read it. Both are
 * open: they describe the API and hold no figures. Registered before the routes it describes.
 */
export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'crimestats reporting',
        description:
          "Crime statistics for Derbyshire's Community Safety Partnership areas: comparisons " +
          "across areas, one area's changes, and rolling trends. Every answer under /v1 needs " +
          "`Authorization: Bearer <token>`; a CSP token reads its own area's changes and trend " +
          'only. Add `?format=csv` (or `Accept: text/csv`) for CSV rounded as the plan prints.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      },
      tags: [
        { name: 'reports', description: 'Answers from the stored figures' },
        { name: 'reference', description: 'The areas and categories answers can name' },
        {
          name: 'subscriptions',
          description: "Webhooks for one area's new figures, and their deliveries",
        },
        { name: 'feeds', description: "Private Atom feeds of one area's new figures" },
      ],
    },
    transform: createJsonSchemaTransform({ skipList: ['/openapi.json'] }),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get(
    '/openapi.json',
    { schema: { hide: true }, logLevel: atLeastWarn(app.log.level) },
    async () => app.swagger(),
  );
}
