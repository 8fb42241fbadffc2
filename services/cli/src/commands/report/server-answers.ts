import { LoadedReferenceSchema } from '@crimestats/domain';
import {
  AreaChangesAnswerSchema,
  AreaTrendAnswerSchema,
  ComparisonResponseSchema,
} from '@crimestats/reporting';
import type { z } from 'zod';
import { UserError } from '../../user-error.ts';

/**
 * The reporting API's answers from a running server, each checked against its schema; anything
 * but a valid answer is a one-line error naming the server and what it said.
 */
export function answerFromServer({ url, token }: { url: string; token: string }) {
  async function get<S extends z.ZodType>(
    path: string,
    params: Record<string, string>,
    schema: S,
  ): Promise<z.output<S>> {
    const response = await fetch(`${url}${path}?${new URLSearchParams(params)}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = schema.safeParse(body);
    if (!response.ok || !parsed.success) {
      throw new UserError(
        `the running server at ${url} answered ${response.status}: ${JSON.stringify(body)}`,
        1,
      );
    }
    return parsed.data;
  }
  const areaPath = (code: string, answer: string) =>
    `/v1/areas/${encodeURIComponent(code)}/${answer}`;
  return {
    loadedReference: () => get('/v1/reference', {}, LoadedReferenceSchema),
    comparison: (params: Record<string, string>) =>
      get('/v1/comparisons', params, ComparisonResponseSchema),
    areaChanges: (code: string, params: Record<string, string>) =>
      get(areaPath(code, 'changes'), params, AreaChangesAnswerSchema),
    areaTrend: (code: string, params: Record<string, string>) =>
      get(areaPath(code, 'trend'), params, AreaTrendAnswerSchema),
  };
}
