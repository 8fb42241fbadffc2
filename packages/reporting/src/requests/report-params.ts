import {
  AREA_CODE_PATTERN,
  CATEGORY_CODE_PATTERN,
  DEFAULT_WINDOW_MONTHS,
  EARLIEST_PERIOD_END,
  MAX_WINDOW_MONTHS,
  MONTH_PATTERN,
  isMonth,
  monthsBetween,
  parseMonth,
} from '@crimestats/domain';
import { z } from 'zod';

/**
 * The parameters of report requests, as text from a query string or a path, each checked on its
 * own with a message that says what is allowed. Whether a well-formed code names a known area or
 * category is the caller's second step (a 404, not a 400).
 */

/** Most points a trend gives: ten years of monthly period ends. */
export const MAX_TREND_POINTS = 120;

const quoted = (input: unknown): string => {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  // Long or odd input is echoed only in part, so an error line stays readable.
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
};

/** Query text: required unless made optional, and given once (a repeated key arrives as a list). */
const paramText = () =>
  z.string({
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : Array.isArray(issue.input)
          ? `expected one value, got ${issue.input.length}`
          : 'expected text',
  });

/** A month a period ends with, `YYYY-MM`. */
const periodEndMessage = (issue: { input: unknown }): string =>
  `expected a month as YYYY-MM from ${EARLIEST_PERIOD_END} on (e.g. 2025-12), got ${quoted(issue.input)}`;

export const PeriodEndParamSchema = paramText()
  // The pattern is for the OpenAPI document; the refinement also holds the lower bound.
  .regex(MONTH_PATTERN, { error: periodEndMessage, abort: true })
  .refine((text) => isMonth(text) && text >= EARLIEST_PERIOD_END, { error: periodEndMessage })
  .meta({ description: "A period's last month, YYYY-MM", example: '2025-12' });

/** The window length in months, 1 to 60; 12 when absent. */
export const WindowMonthsParamSchema = paramText()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined) return DEFAULT_WINDOW_MONTHS;
    const months = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
    if (months >= 1 && months <= MAX_WINDOW_MONTHS) return months;
    ctx.addIssue({
      code: 'custom',
      message: `expected a whole number of months from 1 to ${MAX_WINDOW_MONTHS}, got ${quoted(text)}`,
    });
    return z.NEVER;
  })
  .meta({
    description: `Window length in months, 1 to ${MAX_WINDOW_MONTHS} (default ${DEFAULT_WINDOW_MONTHS})`,
    example: '12',
  });

/** A category code as the contract forms it (known or not). */
export const CategoryCodeParamSchema = paramText()
  .max(100, { error: 'expected a category code of at most 100 characters' })
  .regex(CATEGORY_CODE_PATTERN, {
    error: (issue) =>
      `expected a category code such as total-recorded-crime (see /v1/categories), got ${quoted(issue.input)}`,
  })
  .meta({ description: 'A category code (see /v1/categories)', example: 'total-recorded-crime' });

/** An ONS area code (known or not). */
export const AreaCodeParamSchema = paramText()
  .regex(AREA_CODE_PATTERN, {
    error: (issue) =>
      `expected an ONS area code such as E07000039 (see /v1/areas), got ${quoted(issue.input)}`,
  })
  .meta({ description: 'An ONS area code (see /v1/areas)', example: 'E07000039' });

/** `force=all`: the national table, every loaded force's CSP areas ranked together. */
export const ALL_FORCES = 'all';

/**
 * The force a report is about: a force's ONS code (known or not), or `all` for every loaded force.
 * A comparison with `all` is the national table; an area's report with `all` uses the area's own
 * force.
 */
export const ForceParamSchema = paramText()
  .regex(new RegExp(`^(?:${ALL_FORCES}|${AREA_CODE_PATTERN.source.slice(1, -1)})$`), {
    error: (issue) =>
      `expected a force's ONS area code such as E23000018 (see /v1/areas), or ${ALL_FORCES}, got ${quoted(issue.input)}`,
  })
  .meta({
    description: "A force's ONS code (see /v1/areas, kind force), or `all` for every loaded force",
    example: 'E23000018',
  });

/** The range of period ends a trend covers, once each end is known to be a month. */
export function trendRangeProblem(
  from: string,
  to: string,
): { field: 'from' | 'to'; message: string } | undefined {
  if (from > to) return { field: 'from', message: `must not be after to (${to}), got "${from}"` };
  const points = monthsBetween(parseMonth(from), parseMonth(to)) + 1;
  if (points > MAX_TREND_POINTS) {
    return {
      field: 'from',
      message: `a trend covers at most ${MAX_TREND_POINTS} period ends; ${from} to ${to} is ${points}`,
    };
  }
  return undefined;
}
