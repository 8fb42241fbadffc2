import type { AreaRegistry, CategoryTaxonomy } from '@crimestats/domain';
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
  categories: CategoryTaxonomy;
}

/** The codes a report can name, from the reference data (not the store: no basis). */
export const referenceRoutes: FastifyPluginAsyncZod<ReferenceRouteDeps> = async (app, deps) => {
  // Built again only when the areas are another list: a live registry's change when a reference
  // is loaded while the process runs.
  let built: { from: unknown; answer: z.infer<typeof AreaListAnswerSchema> } | undefined;
  const areaAnswer = () => {
    const from = deps.areas.all();
    if (built?.from !== from)
      built = { from, answer: AreaListAnswerSchema.parse(areaList(deps.areas)) };
    return built.answer;
  };
  const categories = CategoryListAnswerSchema.parse(categoryList(deps.categories));
  const querystring = z.strictObject({ format: FormatParamSchema });

  app.get(
    '/areas',
    {
      schema: {
        summary: 'The CSP areas and their rollups',
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
      sendAnswer(reply, { format: req.query.format, accept: req.headers.accept }, categories, {
        csv: renderCategoryListCsv,
        filename: 'categories.csv',
      }),
  );
};
