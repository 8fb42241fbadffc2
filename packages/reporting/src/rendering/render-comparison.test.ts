import { describe, expect, it } from 'vitest';
import { ComparisonAnswerSchema } from '../answers/comparison-answer.ts';
import {
  REPORT_FORMATS,
  ReportFormatSchema,
  renderComparison,
  renderComparisonJson,
} from './render-comparison.ts';
import { renderComparisonCsv } from './render-csv.ts';
import { renderComparisonTable } from './render-table.ts';
import { answerRow, answerWith, county, force } from '../testing/answers.ts';

const answer = answerWith([answerRow(), county(), force()], {
  basis: { latestMonth: '2025-12', loadedAt: '2026-01-15T09:30:00.000Z', complete: true },
});

describe('renderComparison', () => {
  it('offers table, CSV and JSON', () => {
    expect(REPORT_FORMATS).toEqual(['table', 'csv', 'json']);
    expect(ReportFormatSchema.safeParse('xml').success).toBe(false);
  });

  it('dispatches to the renderer for each format', () => {
    expect(renderComparison(answer, 'table')).toBe(renderComparisonTable(answer));
    expect(renderComparison(answer, 'csv')).toBe(renderComparisonCsv(answer));
    expect(renderComparison(answer, 'json')).toBe(renderComparisonJson(answer));
  });

  it.each(REPORT_FORMATS)('ends %s output with one line break', (format) => {
    const text = renderComparison(answer, format);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });
});

describe('renderComparisonJson', () => {
  it('gives the answer unrounded, and it reads back as a valid answer', () => {
    const text = renderComparisonJson(answer);
    expect(text).toContain('"ratePer1000": 58.760103');
    expect(text).toContain('"percentChange": -2.807072');
    expect(ComparisonAnswerSchema.parse(JSON.parse(text))).toEqual(answer);
  });

  it('writes nulls as null', () => {
    const text = renderComparisonJson(answerWith([county({ previousVolume: null })]));
    expect(text).toContain('"rank": null');
    expect(text).toContain('"previousVolume": null');
  });
});
