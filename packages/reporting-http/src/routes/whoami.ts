import { cspAreaOf } from '@crimestats/auth';
import { TokenHolderSchema } from '@crimestats/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearer } from '../route-schemas.ts';

/** Who holds the token in use: for clients that offer only what it may do. */
export const whoamiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/whoami',
    {
      schema: {
        summary: "The token's name and role, and whether it manages subscriptions",
        tags: ['reference'],
        security: bearer,
        response: { 200: TokenHolderSchema },
      },
    },
    async (req) => {
      // The bearer hook has run: every /v1 request here has a principal.
      const principal = req.principal!;
      const area = cspAreaOf(principal) ?? null;
      return {
        name: principal.name,
        role: principal.role,
        area,
        managesSubscriptions: principal.role === 'analyst' || area !== null,
      };
    },
  );
};
