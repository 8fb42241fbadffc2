import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { seededRandom } from '@crimestats/testkit';

export const POLICE_UK_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

const LSOA_PLACES = [
  'Amber Valley',
  'Bolsover',
  'Chesterfield',
  'Derbyshire Dales',
  'Erewash',
  'High Peak',
  'North East Derbyshire',
  'South Derbyshire',
  'Derby',
];

const CRIME_TYPES = [
  'Anti-social behaviour',
  'Bicycle theft',
  'Burglary',
  'Criminal damage and arson',
  'Drugs',
  'Other crime',
  'Other theft',
  'Possession of weapons',
  'Public order',
  'Robbery',
  'Shoplifting',
  'Theft from the person',
  'Vehicle crime',
  'Violence and sexual offences',
];

export interface GeneratedFileSummary {
  rows: number;
  /** Rows per `areaName|crimeType`; rows with no LSOA or outside the force are not counted here. */
  counts: Map<string, number>;
  noLsoa: number;
  outsideForce: number;
}

/**
 * Writes a police.uk street-level file shaped like the real ones: quoted locations with commas,
 * blank crime ids for anti-social behaviour, about 1% of rows with no LSOA and 1% in a
 * neighbouring force's area.
 */
export async function writePoliceUkFile(
  path: string,
  opts: { rows: number; month: string; seed?: number },
): Promise<GeneratedFileSummary> {
  const random = seededRandom(opts.seed ?? 1);
  const out = createWriteStream(path);
  const counts = new Map<string, number>();
  let noLsoa = 0;
  let outsideForce = 0;
  let buffer = `${POLICE_UK_HEADER}\n`;
  for (let i = 0; i < opts.rows; i++) {
    const place = LSOA_PLACES[Math.floor(random() * LSOA_PLACES.length)]!;
    const type = CRIME_TYPES[Math.floor(random() * CRIME_TYPES.length)]!;
    const roll = random();
    const lsoaIndex = String(Math.floor(random() * 90) + 1).padStart(3, '0');
    let lsoaCode = `E0101${String(9000 + Math.floor(random() * 999)).padStart(4, '0')}`;
    let lsoaName = `${place} ${lsoaIndex}${'ABCDE'[Math.floor(random() * 5)]}`;
    if (roll < 0.01) {
      lsoaCode = '';
      lsoaName = '';
      noLsoa++;
    } else if (roll < 0.02) {
      lsoaName = `Nottingham ${lsoaIndex}A`;
      outsideForce++;
    } else {
      const key = `${place === 'Derby' ? 'Derby City' : place}|${type}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const id =
      type === 'Anti-social behaviour'
        ? ''
        : Math.floor(random() * 2 ** 52)
            .toString(16)
            .padStart(16, '0')
            .repeat(4);
    const lon = (-1.9 + random()).toFixed(6);
    const lat = (52.7 + random() * 0.8).toFixed(6);
    const outcome =
      type === 'Anti-social behaviour' ? '' : 'Investigation complete; no suspect identified';
    buffer += `${id},${opts.month},Derbyshire Constabulary,Derbyshire Constabulary,${lon},${lat},"On or near Park Road, ${place}",${lsoaCode},${lsoaName},${type},${outcome},\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return { rows: opts.rows, counts, noLsoa, outsideForce };
}

export interface ForcePlace {
  /** The area the test expects the place's rows in (the summary's key). */
  areaCode: string;
  /** The LSOA name stem, e.g. `Alphaton` for `Alphaton 012A`. */
  lsoaName: string;
  /** The place's LSOA codes; each row takes one of them. */
  lsoaCodes: readonly string[];
}

/**
 * Like writePoliceUkFile, for any force: `Falls within` names `fallsWithin`, and rows are spread
 * over `places`, with about 1% of rows with no LSOA and 1% at an LSOA code no place has (outside
 * the force). The summary counts rows per `areaCode|crimeType`.
 */
export async function writeForcePoliceUkFile(
  path: string,
  opts: {
    rows: number;
    month: string;
    fallsWithin: string;
    places: readonly ForcePlace[];
    seed?: number;
  },
): Promise<GeneratedFileSummary> {
  const random = seededRandom(opts.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const counts = new Map<string, number>();
  let noLsoa = 0;
  let outsideForce = 0;
  const lines = [POLICE_UK_HEADER];
  for (let i = 0; i < opts.rows; i++) {
    const place = pick(opts.places);
    const type = pick(CRIME_TYPES);
    const roll = random();
    let lsoaCode = pick(place.lsoaCodes);
    let lsoaName = `${place.lsoaName} ${String(i % 90).padStart(3, '0')}A`;
    if (roll < 0.01) {
      lsoaCode = '';
      lsoaName = '';
      noLsoa++;
    } else if (roll < 0.02) {
      lsoaCode = 'E01099999';
      lsoaName = 'Elsewhere 001A';
      outsideForce++;
    } else {
      const key = `${place.areaCode}|${type}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const force = opts.fallsWithin;
    lines.push(
      `,${opts.month},${force},${force},-1.0,52.0,"On or near High Street, ${place.lsoaName}",${lsoaCode},${lsoaName},${type},,`,
    );
  }
  await writeFile(path, `${lines.join('\n')}\n`);
  return { rows: opts.rows, counts, noLsoa, outsideForce };
}
