import { describe, expect, it } from 'vitest';
import { ComparisonAnswerSchema } from './comparison-answer.ts';

// The contract's own example, with its elided decimals filled in.
const contractExample = {
  category: { code: 'total-recorded-crime', name: 'Total recorded crime' },
  period: { start: '2025-01', end: '2025-12', months: 12 },
  rows: [
    {
      area: { code: 'E06000015', name: 'Derby City', kind: 'csp' },
      volume: 30526,
      population: 274144,
      ratePer1000: 111.349,
      rank: 1,
      previousVolume: 29891,
      volumeChange: 635,
      percentChange: 2.124,
      complete: true,
    },
  ],
};

const contractRowKeys = [
  'area',
  'volume',
  'population',
  'ratePer1000',
  'rank',
  'previousVolume',
  'volumeChange',
  'percentChange',
  'complete',
];

describe('ComparisonAnswerSchema', () => {
  it("accepts the contract's example as it is", () => {
    expect(ComparisonAnswerSchema.parse(contractExample)).toEqual(contractExample);
  });

  it("puts the keys in the contract's order, whatever order they came in", () => {
    const [row] = contractExample.rows;
    const shuffled = Object.fromEntries(Object.entries(row ?? {}).reverse());
    const parsed = ComparisonAnswerSchema.parse({ ...contractExample, rows: [shuffled] });
    expect(Object.keys(parsed)).toEqual(['category', 'period', 'rows']);
    expect(Object.keys(parsed.rows[0] ?? {})).toEqual(contractRowKeys);
  });

  it('keeps the significance fields after the contract fields, and the basis last', () => {
    const parsed = ComparisonAnswerSchema.parse({
      basis: { latestMonth: '2025-12', loadedAt: '2026-01-15T09:30:00.000Z', complete: true },
      ...contractExample,
      rows: [{ significant: true, zScore: 3.6, ...contractExample.rows[0] }],
    });
    expect(Object.keys(parsed)).toEqual(['category', 'period', 'rows', 'basis']);
    expect(Object.keys(parsed.rows[0] ?? {})).toEqual([
      ...contractRowKeys,
      'zScore',
      'significant',
    ]);
  });

  it('takes nulls where the contract allows them', () => {
    const row = {
      ...contractExample.rows[0],
      area: { code: 'E10000007', name: 'County Council area', kind: 'county' },
      rank: null,
      previousVolume: null,
      volumeChange: null,
      percentChange: null,
      complete: false,
    };
    expect(() => ComparisonAnswerSchema.parse({ ...contractExample, rows: [row] })).not.toThrow();
  });

  it('takes an empty answer, and a basis from before the first load', () => {
    const empty = {
      ...contractExample,
      rows: [],
      basis: { latestMonth: null, loadedAt: null, complete: false },
    };
    expect(ComparisonAnswerSchema.parse(empty)).toEqual(empty);
  });

  it.each([
    ['a missing field', { complete: undefined }],
    ['a non-integer volume', { volume: 1.5 }],
    ['a negative volume', { volume: -1 }],
    ['rank 0', { rank: 0 }],
    ['an unknown area kind', { area: { code: 'E06000015', name: 'Derby City', kind: 'ward' } }],
    ['a bad area code', { area: { code: 'X1', name: 'Derby City', kind: 'csp' } }],
    ['an infinite rate', { ratePer1000: Number.POSITIVE_INFINITY }],
    ['a NaN % change', { percentChange: Number.NaN }],
  ])('refuses a row with %s', (_what, change) => {
    const row = { ...contractExample.rows[0], ...change };
    expect(() => ComparisonAnswerSchema.parse({ ...contractExample, rows: [row] })).toThrow();
  });

  it.each([
    ['a bad period month', { period: { start: '2025-1', end: '2025-12', months: 12 } }],
    ['a zero-month period', { period: { start: '2025-01', end: '2025-12', months: 0 } }],
    ['a bad category code', { category: { code: 'Total Crime', name: 'Total' } }],
    ['a bad load time', { basis: { latestMonth: null, loadedAt: 'yesterday', complete: false } }],
  ])('refuses %s', (_what, change) => {
    expect(() => ComparisonAnswerSchema.parse({ ...contractExample, ...change })).toThrow();
  });
});
