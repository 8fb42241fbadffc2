import {
  LoadedReferenceSchema,
  type AreaRegistry,
  type CategoryTaxonomy,
  type LoadedReference,
} from '@crimestats/domain';
import {
  AreaListAnswerSchema,
  CategoryListAnswerSchema,
  areaList,
  categoryList,
  renderAreaListCsv,
  renderCategoryListCsv,
} from '@crimestats/reporting';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FormatParamSchema } from '../negotiate.ts';
import { answerResponses, bearer } from '../route-schemas.ts';
import { sendAnswer } from '../send-answer.ts';

export interface ReferenceRouteDeps {
  areas: AreaRegistry;
  /** The deployment's force, which reports are about when they name none. */
  forceCode?: string | undefined;
  categories: CategoryTaxonomy;
  /** The rows `crimestats reference load` stored, read afresh for each request. */
  loaded: () => Promise<LoadedReference>;
}

/** The codes a report can name, from the reference data (not the store: no basis). */
export const referenceRoutes: FastifyPluginAsyncZod<ReferenceRouteDeps> = async (app, deps) => {
  // Built again only when the areas or categories are another list: a live registry's change when
  // a reference is loaded while the process runs.
  let builtAreas: { from: unknown; answer: z.infer<typeof AreaListAnswerSchema> } | undefined;
  const areaAnswer = () => {
    const from = deps.areas.all();
    if (builtAreas?.from !== from) {
      builtAreas = {
        from,
        answer: AreaListAnswerSchema.parse(areaList(deps.areas, deps.forceCode)),
      };
    }
    return builtAreas.answer;
  };
  let builtCategories:
    { from: unknown; answer: z.infer<typeof CategoryListAnswerSchema> } | undefined;
  const categoryAnswer = () => {
    const from = deps.categories.all();
    if (builtCategories?.from !== from) {
      builtCategories = {
        from,
        answer: CategoryListAnswerSchema.parse(categoryList(deps.categories)),
      };
    }
    return builtCategories.answer;
  };
  const querystring = z.strictObject({ format: FormatParamSchema });

  app.get(
    '/areas',
    {
      schema: {
        summary: 'The CSP areas and their rollups (the forces among them), and the default force',
        tags: ['reference'],
        security: bearer,
        querystring,
        response: answerResponses(AreaListAnswerSchema, 'Areas in the reference data'),
      },
    },
    async (req, reply) =>
      sendAnswer(reply, { format: req.query.format, accept: req.headers.accept }, areaAnswer(), {
        csv: renderAreaListCsv,
        filename: 'areas.csv',
      }),
  );

  app.get(
    '/categories',
    {
      schema: {
        summary: 'The crime and ASB categories, parents first',
        tags: ['reference'],
        security: bearer,
        querystring,
        response: answerResponses(CategoryListAnswerSchema, 'Categories in the reference data'),
      },
    },
    async (req, reply) =>
      sendAnswer(
        reply,
        { format: req.query.format, accept: req.headers.accept },
        categoryAnswer(),
        {
          csv: renderCategoryListCsv,
          filename: 'categories.csv',
        },
      ),
  );

  app.get(
    '/reference',
    {
      schema: {
        summary:
          'The reference rows loaded with `crimestats reference load`: CSP areas with their force and county, and the force’s own categories',
        description:
          'Applied to the built-in reference (Derbyshire’s), these give the areas and categories the other answers name, so a client can check codes as the server does. Both lists are empty when nothing was loaded.',
        tags: ['reference'],
        security: bearer,
        querystring: z.strictObject({}),
        response: { 200: LoadedReferenceSchema },
      },
    },
    async () => deps.loaded(),
  );
};
