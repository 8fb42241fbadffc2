import type { CategoryTaxonomy } from '@crimestats/domain';
import { z } from 'zod';
import { PeriodEndParamSchema, WindowMonthsParamSchema } from './report-params.ts';

/** A validated request for one comparison. */
export interface ComparisonQuery {
  category: string;
  /** The period's last month, `YYYY-MM`. */
  periodEnd: string;
  months: number;
}

/** The request as a user types it, on the command line or in a query string. */
export interface ComparisonQueryInput {
  category?: string | undefined;
  period?: string | undefined;
  months?: string | undefined;
}

export type ComparisonQueryField = keyof ComparisonQueryInput;
const FIELDS: readonly ComparisonQueryField[] = ['category', 'period', 'months'];

export type ParsedComparisonQuery =
  | { ok: true; query: ComparisonQuery }
  | { ok: false; field: ComparisonQueryField; message: string };

function inputSchema(categories: CategoryTaxonomy) {
  const codes = categories.all().map((category) => category.code);
  return z.object({
    category: z.string({ error: 'is required' }).refine((code) => codes.includes(code), {
      error: (issue) => `unknown category "${String(issue.input)}"; one of: ${codes.join(', ')}`,
    }),
    period: PeriodEndParamSchema,
    months: WindowMonthsParamSchema,
  });
}

/**
 * Checks a comparison request against the reference categories. Shared by the command line and
 * the HTTP service so both refuse the same things with the same words; reports the first problem,
 * named by its field, for a one-line message.
 */
export function parseComparisonQuery(
  input: ComparisonQueryInput,
  categories: CategoryTaxonomy,
): ParsedComparisonQuery {
  const parsed = inputSchema(categories).safeParse(input);
  if (parsed.success) {
    const { category, period, months } = parsed.data;
    return { ok: true, query: { category, periodEnd: period, months } };
  }
  // Every check sits on one field, so the first issue's path names it.
  const [issue] = parsed.error.issues;
  const field = FIELDS.find((name) => name === issue?.path[0]) ?? 'category';
  return { ok: false, field, message: issue?.message ?? 'is invalid' };
}
