import type { AreaRegistry, CategoryTaxonomy } from '@crimestats/domain';
import {
  AreaChangesAnswerSchema,
  AreaCodeParamSchema,
  ForceParamSchema,
  PeriodEndParamSchema,
  WindowMonthsParamSchema,
  renderAreaChangesCsv,
} from '@crimestats/reporting';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeArea } from '../auth.ts';
import { knownArea, knownForce } from '../known-codes.ts';
import { FormatParamSchema } from '../negotiate.ts';
import type { ReportingReads } from '../reads.ts';
import { answerResponses, bearer } from '../route-schemas.ts';
import { sendAnswer } from '../send-answer.ts';

export interface AreaChangesRouteDeps {
  areas: AreaRegistry;
  categories: CategoryTaxonomy;
  reads: ReportingReads;
}

/** "The biggest increases in South Derbyshire are …": one area's categories by % change. */
export const areaChangesRoutes: FastifyPluginAsyncZod<AreaChangesRouteDeps> = async (app, deps) => {
  app.get(
    '/areas/:code/changes',
    {
      schema: {
        summary: "One area's categories ranked by % change",
        description:
          'Largest increase first; categories without a % change (no previous data) last; ' +
          'incomplete rows (a month missing from either window) after all complete ones, with no ' +
          'z-score or significance. Each row has the volumes, the change, and the Poisson z-score ' +
          'with its significance flag. ' +
          'A CSP token may read only its own area.',
        tags: ['reports'],
        security: bearer,
        params: z.object({ code: AreaCodeParamSchema }),
        querystring: z.strictObject({
          period: PeriodEndParamSchema,
          months: WindowMonthsParamSchema,
          format: FormatParamSchema,
          force: ForceParamSchema.optional().meta({
            description:
              "The force whose areas' records are computed from (default: the deployment's); `all`: the area's own force",
            example: 'E23000018',
          }),
        }),
        response: answerResponses(AreaChangesAnswerSchema, "The area's changes"),
      },
    },
    async (req, reply) => {
      const { period, months, format, force } = req.query;
      const area = knownArea(deps.areas, req.params.code);
      const forceCode = knownForce(deps.areas, force);
      authorizeArea(req.principal, area.code);
      const answer = await deps.reads.changes(
        { areaCode: area.code, periodEnd: period, months },
        area,
        forceCode,
      );
      return sendAnswer(reply, { format, accept: req.headers.accept }, answer, {
        csv: renderAreaChangesCsv,
        basis: answer.basis,
        message: answer.message,
        filename: `changes-${area.code}-${period}-${months}m.csv`,
      });
    },
  );
};
