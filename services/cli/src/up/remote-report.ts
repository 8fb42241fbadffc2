import {
  AreaChangesAnswerSchema,
  AreaTrendAnswerSchema,
  ComparisonResponseSchema,
  type AreaChangesAnswer,
  type AreaChangesQuery,
  type AreaTrendAnswer,
  type AreaTrendQuery,
  type ComparisonQuery,
  type ComparisonResponse,
} from '@crimestats/reporting';
import type { z } from 'zod';
import { UserError } from '../user-error.ts';

/**
 * Asks the running `crimestats up` for an answer: it owns the embedded engine's data folder, and
 * its API gives the same answer the store would. The answer is checked against its schema.
 */
async function answerFromServer<S extends z.ZodType>(
  url: string,
  token: string,
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

/** `GET /v1/comparisons` from the running server. */
export function comparisonFromServer(
  url: string,
  token: string,
  query: ComparisonQuery,
): Promise<ComparisonResponse> {
  const params = {
    category: query.category,
    period: query.periodEnd,
    months: String(query.months),
  };
  return answerFromServer(url, token, '/v1/comparisons', params, ComparisonResponseSchema);
}

/** `GET /v1/areas/{code}/changes` from the running server. */
export function areaChangesFromServer(
  url: string,
  token: string,
  query: AreaChangesQuery,
): Promise<AreaChangesAnswer> {
  const params = { period: query.periodEnd, months: String(query.months) };
  const path = `/v1/areas/${encodeURIComponent(query.areaCode)}/changes`;
  return answerFromServer(url, token, path, params, AreaChangesAnswerSchema);
}

/** `GET /v1/areas/{code}/trend` from the running server. */
export function areaTrendFromServer(
  url: string,
  token: string,
  query: AreaTrendQuery,
): Promise<AreaTrendAnswer> {
  const params = {
    category: query.category,
    from: query.fromEnd,
    to: query.toEnd,
    months: String(query.months),
  };
  const path = `/v1/areas/${encodeURIComponent(query.areaCode)}/trend`;
  return answerFromServer(url, token, path, params, AreaTrendAnswerSchema);
}
