import type { AreaRegistry } from '@crimestats/domain';
import { ErrorAnswerSchema } from '@crimestats/http';
import {
  AreaCodeParamSchema,
  BOARD_PACK_MEDIA_TYPE,
  PeriodEndParamSchema,
  WindowMonthsParamSchema,
  boardPackFilename,
  readBoardPack,
  renderBoardPack,
} from '@crimestats/reporting';
import { cspCodesOf } from '@crimestats/stats';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayReadArea } from '../auth.ts';
import { knownForce } from '../known-codes.ts';
import type { ReportingReads } from '../reads.ts';
import { bearer } from '../route-schemas.ts';
import { sendBasis } from '../send-answer.ts';

export interface PackRouteDeps {
  /** The loaded reference's areas: a pack lists the changes of its force's CSP areas. */
  areas: AreaRegistry;
  /** The deployment's force, whose pack it is when `force=` is not given. */
  forceCode?: string | undefined;
  reads: ReportingReads;
}

const packResponses = {
  200: {
    description: 'The Board pack workbook',
    content: {
      [BOARD_PACK_MEDIA_TYPE]: {
        schema: z.string().meta({
          format: 'binary',
          description:
            'Sheets: Contents; one per plan category (the comparison answer); Area changes; Notes',
        }),
      },
    },
  },
  400: ErrorAnswerSchema.meta({
    description: 'A parameter is malformed; says which, and what is allowed',
  }),
  401: ErrorAnswerSchema.meta({ description: 'No token, or one that is not configured' }),
  404: ErrorAnswerSchema.meta({ description: '`force=` names no loaded force; lists them' }),
  503: ErrorAnswerSchema.meta({ description: 'The figures store did not answer' }),
};

/**
 * The Safer Communities Board's pack: every plan category's comparison and each CSP area's
 * biggest increases in one Excel workbook, built from the same (cached) answers as the other
 * routes. Any role may read it, as any may read the comparisons; a district CSP's pack lists
 * only its own area's changes, which are all it may read.
 */
export const packRoutes: FastifyPluginAsyncZod<PackRouteDeps> = async (app, deps) => {
  app.get(
    '/packs',
    {
      schema: {
        summary: 'The Board pack: the plan categories compared, as an Excel workbook',
        description:
          'One sheet per plan category (total recorded crime, anti-social behaviour, business ' +
          'burglary, theft of a motor vehicle) with the comparison answer, the CSP areas ranked ' +
          "then the County Council and Force areas; each CSP area's biggest increases (a CSP " +
          "token: its own area's only); contents and notes on the method. Cells hold the " +
          'unrounded numbers with number formats. A period with no figures gives a pack with ' +
          'empty tables that says why, and the crimestats-message header.',
        tags: ['reports'],
        security: bearer,
        querystring: z.strictObject({
          period: PeriodEndParamSchema,
          months: WindowMonthsParamSchema,
          force: AreaCodeParamSchema.optional().meta({
            description: "The force whose pack it is (default: the deployment's); not `all`",
            example: 'E23000018',
          }),
        }),
        response: packResponses,
      },
    },
    async (req, reply) => {
      const query = { periodEnd: req.query.period, months: req.query.months };
      const forceCode = knownForce(deps.areas, req.query.force, { all: false });
      const principal = req.principal;
      const areas = cspCodesOf(deps.areas, forceCode ?? deps.forceCode)
        .map((code) => deps.areas.get(code))
        .filter((area) => principal !== undefined && mayReadArea(principal, area.code));
      const pack = await readBoardPack(
        {
          comparison: (comparison) => deps.reads.comparison(comparison, forceCode),
          changes: (changes, area) => deps.reads.changes(changes, area, forceCode),
        },
        query,
        areas,
      );
      const workbook = await renderBoardPack(pack);
      sendBasis(reply, pack.basis, pack.message);
      // The schema can only call the bytes a binary string; Fastify sends a Buffer as it is.
      const binary: FastifyReply = reply;
      return binary
        .type(BOARD_PACK_MEDIA_TYPE)
        .header('content-disposition', `attachment; filename="${boardPackFilename(query)}"`)
        .send(workbook);
    },
  );
};
