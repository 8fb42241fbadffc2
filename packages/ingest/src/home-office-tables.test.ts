import type { MonthlyRecord } from '@crimestats/contracts';
import { defaultAreas, defaultCategories } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { ingestSource } from './ingest-source.ts';
import { expandInputs } from './sources.ts';
import { MemorySink } from './testing/memory-sink.ts';
import { tempFolder } from './testing/temp-files.ts';

const force = defaultAreas.get('E23000018');
const SOUTH = 'E07000039';
const DERBY = 'E06000015';
const EREWASH = 'E07000036';
const HEADER =
  'Financial Year,Financial Quarter,Force Name,CSP Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Number of Offences';

async function ingest(...lines: string[]) {
  const files = tempFolder();
  const sink = new MemorySink();
  const [source] = await expandInputs([files.write('csp.csv', [HEADER, ...lines].join('\n'))]);
  const report = await ingestSource(source!, {
    areas: defaultAreas,
    categories: defaultCategories,
    force,
    sink,
  });
  return { report, sink };
}

const countOf = (records: MonthlyRecord[], area: string, category: string, month: string) =>
  records.find((r) => r.areaCode === area && r.category === category && r.month === month)?.count;

/** Every category a Home Office row can reach: those listing offence codes and all above them. */
const reachable = new Set(
  defaultCategories
    .all()
    .filter((c) => (c.homeOfficeCodes ?? []).length > 0)
    .flatMap((c) => [c.code, ...defaultCategories.ancestorsOf(c.code).map((a) => a.code)]),
);

describe('Home Office CSP tables', () => {
  it('keeps each quarter as a three-month record, for every category of each area and quarter', async () => {
    const { report, sink } = await ingest(
      '2024/25,1,Derbyshire,South Derbyshire,Burglary Business and Community,Theft offences,Non-domestic burglary,30C,4',
      '2024/25,1,Derbyshire,South Derbyshire,Burglary Business and Community,Theft offences,Non-domestic burglary,30C,3',
      '2024/25,4,Derbyshire,Derby,Theft or unauthorised taking of motor vehicle,Theft offences,Theft of a motor vehicle,48,"1,021"',
      '2024/25,4,Nottinghamshire,Nottingham,Theft or unauthorised taking of motor vehicle,Theft offences,Theft of a motor vehicle,48,9',
    );
    expect(report).toMatchObject({
      status: 'accepted',
      format: 'home-office-csp',
      months: ['2024-04', '2025-01'],
      unmapped: { 'outside-force': 1 },
      records: 2 * reachable.size,
    });
    expect(new Set(sink.records.map((r) => `${r.areaCode} ${r.month} ${r.months}`))).toEqual(
      new Set([`${SOUTH} 2024-04 3`, `${DERBY} 2025-01 3`]),
    );
    expect(new Set(sink.records.map((r) => r.category))).toEqual(reachable);
    const south = (category: string) => countOf(sink.records, SOUTH, category, '2024-04');
    expect(south('burglary-business-and-community')).toBe(7);
    expect(south('non-domestic-burglary')).toBe(7);
    expect(south('burglary')).toBe(7);
    expect(south('total-recorded-crime')).toBe(7);
    expect(south('domestic-burglary')).toBe(0);
    expect(south('violence-against-the-person')).toBe(0);
    expect(countOf(sink.records, DERBY, 'theft-of-a-motor-vehicle', '2025-01')).toBe(1021);
    expect(countOf(sink.records, DERBY, 'vehicle-crime', '2025-01')).toBe(1021);
    expect(sink.records.some((r) => r.category === 'anti-social-behaviour')).toBe(false);
  });

  it('counts a row mapped to a parent in it, beside the rows mapped to its children', async () => {
    const { sink } = await ingest(
      '2024/25,1,Derbyshire,Erewash,Theft from vehicle,Vehicle offences,Theft from a vehicle,45,30',
      '2024/25,1,Derbyshire,Erewash,Theft of vehicle,Vehicle offences,Theft of a motor vehicle,48,20',
      '2024/25,1,Derbyshire,Erewash,Vehicle crime of a new kind,Theft offences,Vehicle offences,130,20',
    );
    const erewash = (category: string) => countOf(sink.records, EREWASH, category, '2024-04');
    expect(erewash('theft-from-a-vehicle')).toBe(30);
    expect(erewash('theft-of-a-motor-vehicle')).toBe(20);
    expect(erewash('vehicle-offences')).toBe(70);
    expect(erewash('vehicle-crime')).toBe(70);
    expect(erewash('theft-offences')).toBe(70);
    expect(erewash('total-recorded-crime')).toBe(70);
  });

  it('places offence codes by the classification, whatever subgroup a later table names', async () => {
    const { report, sink } = await ingest(
      '2023/24,2,Derbyshire,Erewash,Harassment,Violence against the person,Stalking and harassment,8L,5',
      '2023/24,2,Derbyshire,Erewash,Aggravated vehicle taking,Vehicle offences,Vehicle offences,37.2,2',
      '2023/24,2,Derbyshire,Erewash,Homicide,Violence against the person,Homicide,1/4.1/4.10/4.2,1',
      '2023/24,2,Derbyshire,Erewash,Trafficking in controlled drugs,Drug offences,Trafficking of drugs,92A,6',
    );
    const erewash = (category: string) => countOf(sink.records, EREWASH, category, '2023-07');
    expect(erewash('stalking-and-harassment')).toBe(5);
    expect(erewash('theft-of-a-motor-vehicle')).toBe(2);
    expect(erewash('homicide')).toBe(1);
    expect(erewash('violence-against-the-person')).toBe(6);
    expect(erewash('drug-offences')).toBe(6);
    expect(erewash('total-recorded-crime')).toBe(14);
    expect(report.unknownOffenceCodes).toEqual({});
  });

  it('reports offence codes the classification lacks, and where each was counted', async () => {
    const { report, sink } = await ingest(
      '2024/25,2,Derbyshire,Bolsover,Controlling behaviour,Violence against the person,Stalking and harassment,8U,4',
      '2024/25,2,Derbyshire,Bolsover,Controlling behaviour,Violence against the person,Stalking and harassment,8U,5',
      '2024/25,2,Derbyshire,Bolsover,Something else,Violence against the person,A new subgroup,8Z,2',
      '2024/25,2,Derbyshire,Bolsover,Something new,A new group,A new subgroup,200,3',
      '2024/25,2,Derbyshire,Bolsover,Assault with injury,Violence against the person,Violence with injury,8N,10',
    );
    expect(report.status).toBe('accepted');
    expect(report.unmapped).toEqual({ 'unknown-offence': 1 });
    expect(report.unknownOffenceCodes).toEqual({
      '8U': { rows: 2, offences: 9, countedIn: 'stalking-and-harassment' },
      '8Z': { rows: 1, offences: 2, countedIn: 'violence-against-the-person' },
      '200': { rows: 1, offences: 3, countedIn: null },
    });
    const bolsover = (category: string) => countOf(sink.records, 'E07000033', category, '2024-07');
    expect(bolsover('stalking-and-harassment')).toBe(9);
    expect(bolsover('violence-with-injury')).toBe(10);
    expect(bolsover('violence-against-the-person')).toBe(21);
    expect(bolsover('total-recorded-crime')).toBe(21);
  });

  it('refuses a row whose quarter or count is not readable, naming the field', async () => {
    const { report, sink } = await ingest(
      '2024/26,1,Derbyshire,Erewash,Shoplifting,Theft offences,Shoplifting,46,3',
      '2024/25,1,Derbyshire,Erewash,Shoplifting,Theft offences,Shoplifting,46,three',
    );
    expect(report.status).toBe('refused');
    expect(sink.records).toEqual([]);
    expect(report.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'Financial Year'],
      [3, 'Number of Offences'],
    ]);
  });
});
