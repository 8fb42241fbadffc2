import type { AreaRegistry, CategoryTaxonomy } from '@crimestats/domain';
import {
  ForceParamSchema,
  CategoryCodeParamSchema,
  ComparisonResponseSchema,
  PeriodEndParamSchema,
  WindowMonthsParamSchema,
  renderComparisonCsv,
} from '@crimestats/reporting';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { knownCategory, knownForce } from '../known-codes.ts';
import { FormatParamSchema } from '../negotiate.ts';
import type { ReportingReads } from '../reads.ts';
import { answerResponses, bearer } from '../route-schemas.ts';
import { sendAnswer } from '../send-answer.ts';

export interface ComparisonRouteDeps {
  areas: AreaRegistry;
  categories: CategoryTaxonomy;
  reads: ReportingReads;
}

/** The contract's comparison: a force's CSP areas ranked by rate, then the rollups; or all forces'. */
export const comparisonRoutes: FastifyPluginAsyncZod<ComparisonRouteDeps> = async (app, deps) => {
  app.get(
    '/comparisons',
    {
      schema: {
        summary: 'One category compared across every area for one period',
        description:
          'The CSP areas by rate per 1,000, highest first, then the County Council area and the ' +
          'Force area. Numbers are unrounded in JSON and rounded as the plan prints in CSV. A ' +
          'period with no figures gives no rows and a message. With `force=all`, the national ' +
          "table: every loaded force's CSP areas ranked together by rate, then each force's row " +
          '(no county rows), each row naming its force.',
        tags: ['reports'],
        security: bearer,
        querystring: z.strictObject({
          category: CategoryCodeParamSchema,
          period: PeriodEndParamSchema,
          months: WindowMonthsParamSchema,
          format: FormatParamSchema,
          force: ForceParamSchema.optional().meta({
            description:
              "The force whose areas are compared (default: the deployment's); `all`: the national table, every loaded force's CSP areas ranked together, then each force's row",
            example: 'E23000018',
          }),
        }),
        response: answerResponses(ComparisonResponseSchema, 'The comparison answer'),
      },
    },
    async (req, reply) => {
      const { category, period, months, format, force } = req.query;
      knownCategory(deps.categories, category);
      const forceCode = knownForce(deps.areas, force);
      const answer = await deps.reads.comparison(
        { category, periodEnd: period, months },
        forceCode,
      );
      return sendAnswer(reply, { format, accept: req.headers.accept }, answer, {
        csv: renderComparisonCsv,
        basis: answer.basis,
        message: answer.message,
        filename: `comparison-${category}-${period}-${months}m.csv`,
      });
    },
  );
};
