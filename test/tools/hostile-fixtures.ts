import { seededRandom } from '@crimestats/testkit';
import { zipBytes } from './zip-bytes.ts';

// The hostile and broken input files of test/fixtures/hostile (see its README.md), made here so
// the binary ones can be made again and checked: `pnpm fixtures:hostile` writes them.

export const POLICE_UK_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
export const COUNTS_HEADER = 'month,area_code,category,count';
const FORCE = 'Derbyshire Constabulary';

export const policeUkRow = (
  type = 'Vehicle crime',
  month = '2025-01',
  location = 'On or near Park Road',
) =>
  `abc,${month},${FORCE},${FORCE},-1.5,52.9,${location},E01019000,South Derbyshire 010B,${type},Under investigation,`;

const lines = (...rows: string[]) => rows.join('\n') + '\n';
const text = (s: string) => Buffer.from(s, 'utf8');

/** Seeded bytes, so the garbage is the same garbage every time. */
function randomBytes(length: number, seed: number, from = 0, to = 255): Buffer {
  const random = seededRandom(seed);
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = from + Math.floor(random() * (to - from + 1));
  return out;
}

/** A single line of `length` characters, `a` or `b` at random: deflate gets only ~8× out of it. */
export function randomLine(length: number, seed: number): string {
  const random = seededRandom(seed);
  let line = '';
  const piece: string[] = [];
  for (let i = 0; i < length; i++) {
    piece.push(random() < 0.5 ? 'a' : 'b');
    if (piece.length === 65536) {
      line += piece.join('');
      piece.length = 0;
    }
  }
  return line + piece.join('');
}

const STREET = '2025-01/2025-01-derbyshire-street.csv';

/** Every committed hostile file: its name and bytes. */
export function hostileFixtures(): { name: string; bytes: Buffer }[] {
  const goodRows = lines(POLICE_UK_HEADER, policeUkRow(), policeUkRow('Burglary'));
  const repeatedRows = (bytes: number) => {
    const row = policeUkRow() + '\n';
    return text(POLICE_UK_HEADER + '\n' + row.repeat(Math.ceil(bytes / row.length)));
  };
  return [
    { name: 'headerless.csv', bytes: text(lines('2025-01,E07000039,vehicle-crime,7')) },
    {
      name: 'wrong-header.csv',
      bytes: text(lines('Month,Area,Offence,Total', '2025-01,E07000039,vehicle-crime,7')),
    },
    {
      name: 'missing-column.csv',
      bytes: text(lines('month,area_code,count', '2025-01,E07000039,7')),
    },
    { name: 'empty.csv', bytes: Buffer.alloc(0) },
    {
      name: 'bad-month.csv',
      bytes: text(
        lines(COUNTS_HEADER, '2025-01,E07000039,vehicle-crime,7', '2025-13,E07000039,burglary,3'),
      ),
    },
    {
      name: 'negative-count.csv',
      bytes: text(lines(COUNTS_HEADER, '2025-01,E07000039,vehicle-crime,-7')),
    },
    {
      name: 'fractional-count.csv',
      bytes: text(lines(COUNTS_HEADER, '2025-01,E07000039,vehicle-crime,2.5')),
    },
    {
      name: 'non-numeric-count.csv',
      bytes: text(lines(COUNTS_HEADER, '2025-01,E07000039,vehicle-crime,twelve')),
    },
    {
      name: 'unknown-area.csv',
      bytes: text(lines(COUNTS_HEADER, '2025-01,E07999999,vehicle-crime,7')),
    },
    {
      name: 'unknown-category.csv',
      bytes: text(lines(COUNTS_HEADER, '2025-01,E07000039,bike-theft,7')),
    },
    {
      name: 'unknown-crime-type-street.csv',
      bytes: text(lines(POLICE_UK_HEADER, policeUkRow(), policeUkRow('Burglery'))),
    },
    {
      name: 'truncated-mid-row-street.csv',
      bytes: text(`${POLICE_UK_HEADER}\n${policeUkRow()}\n${policeUkRow().slice(0, 60)}`),
    },
    {
      name: 'truncated-in-quotes-street.csv',
      bytes: text(
        `${POLICE_UK_HEADER}\n${policeUkRow()}\n${policeUkRow('Drugs', '2025-01', '"On or near, Park').slice(0, 95)}`,
      ),
    },
    { name: 'binary-garbage.csv', bytes: randomBytes(8192, 1) },
    { name: 'not-utf8.csv', bytes: randomBytes(8192, 2, 0x80, 0xff) },
    {
      name: 'utf16.csv',
      bytes: Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(lines(COUNTS_HEADER, '2025-01,E07000039,vehicle-crime,7'), 'utf16le'),
      ]),
    },
    {
      name: 'spreadsheet-xlsx.csv',
      bytes: zipBytes([
        { name: '[Content_Types].xml', data: text('<?xml version="1.0"?><Types/>') },
        { name: 'xl/workbook.xml', data: text('<?xml version="1.0"?><workbook/>') },
      ]),
    },
    {
      name: 'spreadsheet-xls.csv',
      bytes: Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
      ]),
    },
    { name: 'not-a-zip.zip', bytes: text(goodRows) },
    // 50 MB of valid rows in 50 kB: refused from its headers, nothing inflated.
    { name: 'zip-bomb-ratio.zip', bytes: zipBytes([{ name: STREET, data: repeatedRows(50e6) }]) },
    // The reported case, smaller: one line of 50 MB, also refused by its ratio.
    {
      name: 'zip-bomb-one-line.zip',
      bytes: zipBytes([{ name: STREET, data: text(`${POLICE_UK_HEADER}\n${'x'.repeat(50e6)}`) }]),
    },
    // Headers that say 5 kB for 20 MB: refused by what inflating finds, at 5 kB.
    {
      name: 'zip-bomb-lying-sizes.zip',
      bytes: zipBytes([{ name: STREET, data: repeatedRows(20e6), declaredSize: 5000 }]),
    },
    // Headers that claim 5 × 4 GB at a plausible ratio: refused as too much in all.
    {
      name: 'zip-bomb-declared-total.zip',
      bytes: zipBytes(
        [1, 2, 3, 4, 5].map((n) => ({
          name: `2025-0${n}/2025-0${n}-derbyshire-street.csv`,
          data: text(goodRows),
          declaredSize: 0xfff00000,
          declaredCompressedSize: 0x05000000,
        })),
      ),
    },
    // One line of 1.5 million characters that deflate only ~8×: the line limit refuses it.
    {
      name: 'zip-huge-line.zip',
      bytes: zipBytes([
        { name: STREET, data: text(`${POLICE_UK_HEADER}\n${randomLine(1_500_000, 3)}\n`) },
      ]),
    },
    {
      name: 'nested.zip',
      bytes: zipBytes([
        { name: 'inner/2025-01.zip', data: zipBytes([{ name: STREET, data: text(goodRows) }]) },
      ]),
    },
    {
      name: 'path-traversal.zip',
      bytes: zipBytes([{ name: `../../${STREET}`, data: text(goodRows) }]),
    },
    {
      name: 'absolute-path.zip',
      bytes: zipBytes([{ name: `/tmp/${STREET}`, data: text(goodRows) }]),
    },
    // What spreadsheet programs write, which must be accepted: a byte-order mark, CRLF, quoted
    // fields (with commas and doubled quotes) and blank lines at the end.
    {
      name: 'accepted-spreadsheet-export.csv',
      bytes: text(
        '\uFEFF' +
          [
            COUNTS_HEADER,
            '2025-02,E07000039,"vehicle-crime",4',
            '"2025-02","E07000039",burglary,"2"',
            '',
            '',
          ].join('\r\n'),
      ),
    },
    {
      name: 'accepted-spreadsheet-export-street.csv',
      bytes: text(
        '\uFEFF' +
          [
            POLICE_UK_HEADER,
            policeUkRow('Drugs', '2025-03', '"On or near ""The Green"", Melbourne"'),
            policeUkRow('Drugs', '2025-03', '"On or near Park Road, Swadlincote"'),
            '',
            '',
          ].join('\r\n'),
      ),
    },
    // The same row in two files: the later file's count replaces the earlier (latest revision wins).
    {
      name: 'duplicate-rows-a.csv',
      bytes: text(lines(COUNTS_HEADER, '2025-04,E07000039,vehicle-crime,5')),
    },
    {
      name: 'duplicate-rows-b.csv',
      bytes: text(lines(COUNTS_HEADER, '2025-04,E07000039,vehicle-crime,5')),
    },
  ];
}

/** A zip of more entries than the limit: made at test time, as it is some megabytes. */
export function tooManyEntriesZip(entries: number): Buffer {
  return zipBytes(
    Array.from({ length: entries }, (_, i) => ({ name: `e/${i}.txt`, data: Buffer.alloc(0) })),
  );
}
