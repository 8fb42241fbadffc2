// The national benchmark's input, written once and kept: a synthetic reference of 43 forces and
// about 300 CSP areas, their populations, and police.uk street-level files, one per force and
// month, laid out as a police.uk download (`YYYY-MM/YYYY-MM-<force>-street.csv`). Counts are
// drawn from a seeded generator, and their true totals are kept beside the files so the benchmark
// can check the figures it reads against a tally that never went through the pipeline.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addMonths, defaultCategories, parseMonth } from '@crimestats/domain';
import { seededRandom } from '@crimestats/testkit';

export interface NationalShape {
  forces: number;
  csps: number;
  months: number;
  rows: number;
  firstMonth: string;
}

export const NATIONAL_SHAPE: Omit<NationalShape, 'rows'> = {
  forces: 43,
  csps: 300,
  months: 36,
  firstMonth: '2023-01',
};

export interface NationalFiles {
  dir: string;
  reference: string;
  populations: string;
  streets: string;
  /** How many street files, and how many rows in them. */
  files: number;
  rows: number;
  /** Recorded crimes of each CSP area in the last 12 months: its total-recorded-crime volume. */
  lastYearByArea: Record<string, number>;
  months: string[];
}

interface Force {
  index: number;
  code: string;
  name: string;
  id: string;
  policeUkName: string;
  csps: { code: string; name: string }[];
  county?: { code: string; name: string };
}

const TOTAL = 'total-recorded-crime';
const code = (prefix: string, n: number): string => `${prefix}${String(n).padStart(6, '0')}`;

/** Forces of 6 or 7 areas (300 over 43); every other force has a county of all but its last. */
function forces(shape: NationalShape): Force[] {
  const base = Math.floor(shape.csps / shape.forces);
  const extra = shape.csps % shape.forces;
  let next = 0;
  return Array.from({ length: shape.forces }, (_, f) => {
    const size = base + (f < extra ? 1 : 0);
    const name = `Synthforce ${f + 1}`;
    const csps = Array.from({ length: size }, (_, i) => ({
      code: code('E07', 900_000 + next + i),
      name: `Synthtown ${next + i + 1}`,
    }));
    next += size;
    return {
      index: f,
      code: code('E23', 900_000 + f),
      name,
      id: `synthforce-${f + 1}`,
      policeUkName: `${name} Police`,
      csps,
      ...(f % 2 === 0
        ? { county: { code: code('E10', 900_000 + f), name: `Synthcounty ${f + 1}` } }
        : {}),
    };
  });
}

function referenceCsv(all: Force[]): string {
  const lines = [
    'area_code,area_name,force_code,force_name,police_uk_name,county_code,county_name',
  ];
  for (const force of all) {
    force.csps.forEach((csp, i) => {
      const inCounty = force.county !== undefined && i < force.csps.length - 1;
      lines.push(
        [
          csp.code,
          csp.name,
          force.code,
          force.name,
          force.policeUkName,
          inCounty ? force.county!.code : '',
          inCounty ? force.county!.name : '',
        ].join(','),
      );
    });
  }
  return `${lines.join('\n')}\n`;
}

// Written last, so an interrupted generation is started again.
const shapeFile = (dir: string) => join(dir, 'shape.json');

/** Writes the files into `dir` unless a complete set of the same shape is already there. */
export async function nationalFiles(
  dir: string,
  shape: NationalShape,
  say: (message: string) => void,
): Promise<NationalFiles> {
  const done = shapeFile(dir);
  if (existsSync(done)) {
    const kept = JSON.parse(await readFile(done, 'utf8')) as NationalFiles & {
      shape: NationalShape;
    };
    if (JSON.stringify(kept.shape) === JSON.stringify(shape)) return kept;
  }
  await rm(dir, { recursive: true, force: true });
  const all = forces(shape);
  const months: string[] = Array.from({ length: shape.months }, (_, i) =>
    addMonths(parseMonth(shape.firstMonth), i),
  );
  const lastYear = new Set(months.slice(-12));
  const types = defaultCategories.bySource('police-uk');
  // Anti-social behaviour is a police.uk type but not a recorded crime.
  const recorded = new Set(
    types
      .filter((c) => defaultCategories.ancestorsOf(c.code).some((a) => a.code === TOTAL))
      .map((c) => c.label),
  );
  const files: NationalFiles = {
    dir,
    reference: join(dir, 'reference.csv'),
    populations: join(dir, 'populations.csv'),
    streets: join(dir, 'streets'),
    files: 0,
    rows: 0,
    lastYearByArea: {},
    months,
  };
  await mkdir(files.streets, { recursive: true });
  await writeFile(files.reference, referenceCsv(all));
  const next = seededRandom(20_261_202);
  const populationLines = ['area_code,year,population'];
  for (const csp of all.flatMap((f) => f.csps)) {
    const population = 80_000 + Math.floor(next() * 250_000);
    for (const year of new Set(months.map((m) => Number(m.slice(0, 4))))) {
      populationLines.push(`${csp.code},${year},${population + (year - 2023) * 1_000}`);
    }
    files.lastYearByArea[csp.code] = 0;
  }
  await writeFile(files.populations, `${populationLines.join('\n')}\n`);

  const perFile = Math.round(shape.rows / (all.length * months.length));
  const header =
    'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,' +
    'Crime type,Last outcome category,Context';
  const started = performance.now();
  for (const month of months) {
    const monthDir = join(files.streets, month);
    await mkdir(monthDir);
    for (const force of all) {
      const lines = [header];
      for (let r = 0; r < perFile; r++) {
        const csp = force.csps[Math.floor(next() * force.csps.length)]!;
        const type = types[Math.floor(next() * types.length)]!.label;
        const lsoa = 1 + Math.floor(next() * 60);
        lines.push(
          `,${month},${force.policeUkName},${force.policeUkName},-1.${lsoa},52.${lsoa},On or near ` +
            `High Street,E01${String(900_000 + lsoa).padStart(6, '0')},${csp.name} ` +
            `${String(lsoa).padStart(3, '0')}A,${type},Under investigation,`,
        );
        if (lastYear.has(month) && recorded.has(type)) files.lastYearByArea[csp.code]! += 1;
      }
      await writeFile(join(monthDir, `${month}-${force.id}-street.csv`), `${lines.join('\n')}\n`);
      files.files += 1;
      files.rows += perFile;
    }
    const seconds = (performance.now() - started) / 1000;
    say(
      `generated ${month}: ${files.rows.toLocaleString('en-GB')} rows so far (${seconds.toFixed(0)} s)`,
    );
  }
  await writeFile(done, JSON.stringify({ ...files, shape }));
  return files;
}
