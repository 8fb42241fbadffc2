import type { ComparisonAnswer, ComparisonAnswerRow } from '../answers/comparison-answer.ts';

/** A CSP row with plain numbers; override what the test is about. */
export function answerRow(overrides: Partial<ComparisonAnswerRow> = {}): ComparisonAnswerRow {
  return {
    area: { code: 'E07000039', name: 'South Derbyshire', kind: 'csp' },
    volume: 6267,
    population: 106_654,
    ratePer1000: 58.760103,
    rank: 6,
    previousVolume: 6448,
    volumeChange: -181,
    percentChange: -2.807072,
    complete: true,
    zScore: -1.6,
    significant: false,
    ...overrides,
  };
}

export function answerWith(
  rows: ComparisonAnswerRow[],
  overrides: Partial<ComparisonAnswer> = {},
): ComparisonAnswer {
  return {
    category: { code: 'total-recorded-crime', name: 'Total recorded crime' },
    period: { start: '2025-01', end: '2025-12', months: 12 },
    rows,
    ...overrides,
  };
}

export const county = (overrides: Partial<ComparisonAnswerRow> = {}): ComparisonAnswerRow =>
  answerRow({
    area: { code: 'E10000007', name: 'County Council area', kind: 'county' },
    volume: 54_095,
    population: 822_345,
    ratePer1000: 65.781,
    rank: null,
    previousVolume: 54_859,
    volumeChange: -764,
    percentChange: -1.3926,
    ...overrides,
  });

export const force = (overrides: Partial<ComparisonAnswerRow> = {}): ComparisonAnswerRow =>
  answerRow({
    area: { code: 'E23000018', name: 'Force area', kind: 'force' },
    volume: 84_621,
    population: 1_096_489,
    ratePer1000: 77.1749,
    rank: null,
    previousVolume: 84_750,
    volumeChange: -129,
    percentChange: -0.1522,
    ...overrides,
  });
