import { describe, expect, it } from 'vitest';
import type { FileReport } from '@crimestats/contracts';
import { summariseFileReport } from './report-summary.ts';

const base: FileReport = {
  file: 'jan.csv',
  format: 'police-uk',
  status: 'accepted',
  batchId: '00000000-0000-4000-8000-000000000000',
  rows: 12345,
  rejectedRows: 0,
  problems: [],
  problemCount: 0,
  unmapped: { 'no-lsoa': 3 },
  months: ['2025-01'],
  records: 126,
  populations: 0,
  durationMs: 1500,
};

describe('file report summary', () => {
  it('says what was read and published', () => {
    expect(summariseFileReport(base)).toBe(
      [
        'jan.csv: accepted',
        '  format police-uk · 12,345 rows · months 2025-01 · 126 records published · batch 00000000-0000-4000-8000-000000000000 · 1.5 s',
        '  counted in no area: 3 no-lsoa',
      ].join('\n'),
    );
  });

  it('names the Home Office offence codes the classification lacks, and where they went', () => {
    const text = summariseFileReport({
      ...base,
      format: 'home-office-csp',
      unmapped: { 'unknown-offence': 1 },
      unknownOffenceCodes: {
        '8U': { rows: 2, offences: 9, countedIn: 'stalking-and-harassment' },
        '200': { rows: 1, offences: 3, countedIn: null },
      },
    });
    expect(text).toContain(
      '  offence codes not in the classification: 8U (2 rows, 9 offences, counted in stalking-and-harassment), 200 (1 row, 3 offences, counted nowhere)',
    );
  });

  it('lists problems of a refused file and how to proceed', () => {
    const text = summariseFileReport({
      ...base,
      status: 'refused',
      records: 0,
      problems: [
        {
          line: 7,
          field: 'Month',
          value: '2025-13',
          reason: 'expected a month as YYYY-MM from 1900-01 to 2199-12',
        },
      ],
      problemCount: 4,
      rejectedRows: 2,
    });
    expect(text).toContain('jan.csv: REFUSED, nothing published');
    expect(text).toContain('4 problems in 2 rows (first 1 shown):');
    expect(text).toContain(
      'line 7, Month = "2025-13": expected a month as YYYY-MM from 1900-01 to 2199-12',
    );
    expect(text).toContain('--accept-valid-rows');
  });
});
