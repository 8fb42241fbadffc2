import { defaultCategories } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { comparisonFromFigures } from '../answers/comparison-from-figures.ts';
import { csvField, renderComparisonCsv } from './render-csv.ts';
import { answerRow, answerWith, county } from '../testing/answers.ts';
import { planFigureRows } from '../testing/plan-figures.ts';

const HEADER =
  'area_code,area_name,area_kind,volume,population,rate_per_1000,rank,previous_volume,volume_change,percent_change,complete';

/** A minimal RFC 4180 reader, to check that what we write reads back as it was. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else field += char;
  }
  return rows;
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['-181', '-181'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    [' leading', '" leading"'],
    ['trailing ', '"trailing "'],
    ["O'Brien", "O'Brien"],
    ['–', '–'],
  ])('%j → %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('renderComparisonCsv', () => {
  it("writes the plan's South Derbyshire total crime row, rounded as the plan prints it", () => {
    const answer = comparisonFromFigures(
      { category: 'total-recorded-crime', periodEnd: '2025-12', months: 12 },
      planFigureRows(),
      { categories: defaultCategories },
    );
    const lines = renderComparisonCsv(answer).split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines).toContain(
      'E07000039,South Derbyshire,csp,6267,106654,58.76,6,6448,-181,-2.8,true',
    );
    expect(lines).toContain(
      'E10000007,County Council area,county,54095,822345,65.78,,54859,-764,-1.4,true',
    );
    expect(lines).toHaveLength(1 + 11 + 1); // header, 11 areas, and the empty string after the last \n
    expect(lines.at(-1)).toBe('');
  });

  it('keeps the answer order', () => {
    const csv = renderComparisonCsv(answerWith([answerRow(), county()]));
    expect(readCsv(csv).map((row) => row[1])).toEqual([
      'area_name',
      'South Derbyshire',
      'County Council area',
    ]);
  });

  it('leaves missing values empty and writes completeness as true/false', () => {
    const csv = renderComparisonCsv(
      answerWith([
        answerRow({
          population: null,
          ratePer1000: null,
          rank: null,
          previousVolume: null,
          volumeChange: null,
          percentChange: null,
          complete: false,
        }),
      ]),
    );
    expect(csv.split('\n')[1]).toBe('E07000039,South Derbyshire,csp,6267,,,,,,,false');
  });

  it('rounds half away from zero and never writes thousands separators', () => {
    const csv = renderComparisonCsv(
      answerWith([
        answerRow({
          volume: 1_234_567,
          population: 2_000_000,
          ratePer1000: 2.675,
          percentChange: -0.05,
        }),
      ]),
    );
    expect(csv.split('\n')[1]).toBe(
      'E07000039,South Derbyshire,csp,1234567,2000000,2.68,6,6448,-181,-0.1,true',
    );
  });

  it('quotes names that need it, so the file reads back as written', () => {
    const name = 'Derby, "City" and\nbeyond';
    const csv = renderComparisonCsv(
      answerWith([answerRow({ area: { code: 'E06000015', name, kind: 'csp' } })]),
    );
    const rows = readCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[1]).toBe(name);
    expect(rows[1]).toHaveLength(11);
  });

  it('writes the header alone when there are no figures', () => {
    expect(renderComparisonCsv(answerWith([]))).toBe(`${HEADER}\n`);
  });
});
