import { z } from 'zod';

export const FormatParamSchema = z
  .enum(['json', 'csv'], {
    error: (issue) => `expected json or csv, got ${JSON.stringify(issue.input)}`,
  })
  .optional()
  .meta({ description: 'Answer format; wins over the Accept header (default json)' });

export type AnswerFormat = 'json' | 'csv';

const MEDIA: Readonly<Record<string, AnswerFormat>> = {
  'application/json': 'json',
  'text/csv': 'csv',
};

/**
 * `?format=` if given, else the Accept header's preferred one of JSON and CSV (by q-value, then
 * by order), else JSON. Wildcards and other types never choose CSV.
 */
export function answerFormat(
  format: AnswerFormat | undefined,
  accept: string | undefined,
): AnswerFormat {
  if (format !== undefined) return format;
  let best: { format: AnswerFormat; q: number } | undefined;
  for (const range of (accept ?? '').split(',')) {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const chosen = MEDIA[type];
    if (chosen === undefined) continue;
    const qParam = params.find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (best === undefined || q > best.q) best = { format: chosen, q };
  }
  return best?.format ?? 'json';
}
