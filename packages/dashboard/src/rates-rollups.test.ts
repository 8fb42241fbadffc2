import type { ComparisonAnswerRow } from '@crimestats/reporting';
import { describe, expect, it } from 'vitest';
import { ratesChartRollups } from './client/rates-rollups.ts';

function row(code: string, kind: 'csp' | 'county' | 'force', rate: number | null = 50) {
  return {
    area: { code, name: code, kind },
    volume: 100,
    population: 2000,
    ratePer1000: rate,
    rank: null,
    previousVolume: 90,
    volumeChange: 10,
    percentChange: 11.1,
    complete: true,
  } as ComparisonAnswerRow;
}

// Two forces: F1 has a county C1 holding A1; F2 holds B1 directly.
const members: Record<string, string[]> = { F1: ['C1', 'A2'], C1: ['A1'], F2: ['B1'] };
const contains = (rollup: string, area: string): boolean =>
  (members[rollup] ?? []).some((member) => member === area || contains(member, area));
const codes = (rows: ComparisonAnswerRow[]) => rows.map((r) => r.area.code);

describe('ratesChartRollups', () => {
  it("draws a force's own comparison's county and force, whichever area is chosen", () => {
    const rows = [row('A1', 'csp'), row('A2', 'csp'), row('C1', 'county'), row('F1', 'force')];
    expect(codes(ratesChartRollups(rows, '', contains))).toEqual(['C1', 'F1']);
    expect(codes(ratesChartRollups(rows, 'A2', contains))).toEqual(['C1', 'F1']);
  });

  it("draws in the national table only the chosen area's force, never the first one listed", () => {
    const rows = [row('B1', 'csp'), row('A1', 'csp'), row('F1', 'force'), row('F2', 'force', 70)];
    expect(codes(ratesChartRollups(rows, 'B1', contains))).toEqual(['F2']);
    expect(codes(ratesChartRollups(rows, 'A1', contains))).toEqual(['F1']);
    expect(codes(ratesChartRollups(rows, '', contains))).toEqual([]);
  });

  it('draws the county the chosen area is in when there are several', () => {
    const rows = [row('A1', 'csp'), row('C0', 'county'), row('C1', 'county'), row('F1', 'force')];
    expect(codes(ratesChartRollups(rows, 'A1', contains))).toEqual(['C1', 'F1']);
    expect(codes(ratesChartRollups(rows, 'A2', contains))).toEqual(['F1']);
  });

  it('leaves out a rollup whose rate is unknown', () => {
    const rows = [row('A1', 'csp'), row('C1', 'county', null), row('F1', 'force')];
    expect(codes(ratesChartRollups(rows, 'A1', contains))).toEqual(['F1']);
  });
});
