import type { AreaRegistry, CategoryTaxonomy } from '@crimestats/domain';
import {
  AreaCodeParamSchema,
  ForceParamSchema,
  AreaTrendAnswerSchema,
  CategoryCodeParamSchema,
  MAX_TREND_POINTS,
  PeriodEndParamSchema,
  WindowMonthsParamSchema,
  renderAreaTrendCsv,
  trendComparators,
  trendRangeProblem,
} from '@crimestats/reporting';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeArea } from '../auth.ts';
import { ReportRequestError } from '../errors.ts';
import { knownArea, knownCategory, knownForce } from '../known-codes.ts';
import { FormatParamSchema } from '../negotiate.ts';
import type { ReportingReads } from '../reads.ts';
import { answerResponses, bearer } from '../route-schemas.ts';
import { sendAnswer } from '../send-answer.ts';

export interface AreaTrendRouteDeps {
  areas: AreaRegistry;
  categories: CategoryTaxonomy;
  reads: ReportingReads;
}

/** An area's rolling series month by month, with the county and force lines beside it. */
export const areaTrendRoutes: FastifyPluginAsyncZod<AreaTrendRouteDeps> = async (app, deps) => {
  app.get(
    '/areas/:code/trend',
    {
      schema: {
        summary: "One area's rolling series for a category, with its rollups beside it",
        description:
          `One point per period end from \`from\` to \`to\` (at most ${MAX_TREND_POINTS}), each ` +
          'the window of `months` months ending there, for the area and then the County Council ' +
          'area and the Force area. A point with no figure has null volume and rate. A CSP token ' +
          'may read only its own area.',
        tags: ['reports'],
        security: bearer,
        params: z.object({ code: AreaCodeParamSchema }),
        querystring: z.strictObject({
          category: CategoryCodeParamSchema,
          from: PeriodEndParamSchema.meta({
            description: 'The first period end',
            example: '2025-01',
          }),
          to: PeriodEndParamSchema.meta({ description: 'The last period end', example: '2025-12' }),
          months: WindowMonthsParamSchema,
          format: FormatParamSchema,
          force: ForceParamSchema.optional().meta({
            description:
              "The force whose areas' records are computed from (default: the deployment's); `all`: the area's own force",
            example: 'E23000018',
          }),
        }),
        response: answerResponses(AreaTrendAnswerSchema, "The area's trend"),
      },
    },
    async (req, reply) => {
      const { category: categoryCode, from, to, months, format, force } = req.query;
      const problem = trendRangeProblem(from, to);
      if (problem !== undefined) {
        throw new ReportRequestError(400, `${problem.field}: ${problem.message}`, problem.field);
      }
      const area = knownArea(deps.areas, req.params.code);
      const category = knownCategory(deps.categories, categoryCode);
      const forceCode = knownForce(deps.areas, force);
      authorizeArea(req.principal, area.code);
      const answer = await deps.reads.trend(
        { areaCode: area.code, category: category.code, fromEnd: from, toEnd: to, months },
        { area, category, comparators: trendComparators(deps.areas, area.code) },
        forceCode,
      );
      return sendAnswer(reply, { format, accept: req.headers.accept }, answer, {
        csv: renderAreaTrendCsv,
        basis: answer.basis,
        message: answer.message,
        filename: `trend-${area.code}-${category.code}-${from}-${to}-${months}m.csv`,
      });
    },
  );
};
