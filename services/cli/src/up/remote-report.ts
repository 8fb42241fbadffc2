import {
  ComparisonResponseSchema,
  type ComparisonQuery,
  type ComparisonResponse,
} from '@crimestats/reporting';
import { UserError } from '../user-error.ts';

/**
 * Asks the running `crimestats up` for a comparison: it owns the embedded engine's data folder,
 * and its API gives the same answer the store would.
 */
export async function comparisonFromServer(
  url: string,
  token: string,
  query: ComparisonQuery,
): Promise<ComparisonResponse> {
  const params = new URLSearchParams({
    category: query.category,
    period: query.periodEnd,
    months: String(query.months),
  });
  const response = await fetch(`${url}/v1/comparisons?${params}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = ComparisonResponseSchema.safeParse(body);
  if (!response.ok || !parsed.success) {
    throw new UserError(
      `the running server at ${url} answered ${response.status}: ${JSON.stringify(body)}`,
      1,
    );
  }
  return parsed.data;
}
