import { isMonth, type CategoryTaxonomy } from '@crimestats/domain';
import { DEFAULT_WINDOW_MONTHS } from '@crimestats/stats';
import { z } from 'zod';

/** Five years: the longest window anyone compares, and well inside the store's limit. */
export const MAX_WINDOW_MONTHS = 60;

/**
 * The earliest month a period may end. Police.uk data starts in 2010; the bound only keeps a
 * window's start (up to 60 months earlier) a four-digit year, as months are written.
 */
export const EARLIEST_PERIOD_END = '1900-01';

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
    period: z
      .string({ error: 'is required' })
      .refine(isMonth, {
        error: (issue) =>
          `expected the period's last month as YYYY-MM (e.g. 2025-12), got "${String(issue.input)}"`,
        abort: true,
      })
      // A window reaching back before year 1000 has no YYYY-MM start month, and would fail later.
      .refine((text) => text >= EARLIEST_PERIOD_END, {
        error: (issue) =>
          `expected a period ending in ${EARLIEST_PERIOD_END} or later, got "${String(issue.input)}"`,
      }),
    months: z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (text === undefined) return DEFAULT_WINDOW_MONTHS;
        const months = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
        if (months >= 1 && months <= MAX_WINDOW_MONTHS) return months;
        ctx.addIssue({
          code: 'custom',
          message: `expected a whole number of months from 1 to ${MAX_WINDOW_MONTHS}, got "${text}"`,
        });
        return z.NEVER;
      }),
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
