import { randomUUID } from 'node:crypto';
import type { FileReport, InputFormat, PopulationRecord } from '@crimestats/contracts';
import type { Area, AreaRegistry, CategoryTaxonomy } from '@crimestats/domain';
import { readCsv } from './csv-reader.ts';
import { detectFormat, REQUIRED_COLUMNS } from './formats.ts';
import { homeOfficeCspParser } from './parsers/home-office-csp.ts';
import { monthlyCountsParser } from './parsers/monthly-counts.ts';
import { policeUkParser } from './parsers/police-uk.ts';
import { populationParser } from './parsers/population.ts';
import type { FormatParser, ParseContext } from './parsers/types.ts';
import { ProblemCollector } from './problems.ts';
import { recordsOf } from './records.ts';
import type { IngestSink } from './sink.ts';
import { displayFileName, type InputSource } from './sources.ts';

export interface IngestOptions {
  areas: AreaRegistry;
  categories: CategoryTaxonomy;
  force: Area;
  lsoaLookup?: ReadonlyMap<string, string>;
  /** Skip detection and read every file as this format. */
  format?: InputFormat;
  /** Publish a file's valid rows even when some are invalid (they are still reported). */
  acceptValidRows?: boolean;
  sink: IngestSink;
  /**
   * Reads the reference again (`areas` being a live registry, see ReferenceSource) before a file
   * is refused for naming a force the reference lacks; true if it changed, and the file is then
   * read again. Absent, the refusal stands.
   */
  reloadReference?: () => Promise<boolean>;
  problemCap?: number;
  onProgress?: (progress: { source: InputSource; bytes: number; rows: number }) => void;
  clock?: () => number;
}

const PARSERS: Record<InputFormat, (ctx: ParseContext) => FormatParser> = {
  'police-uk': policeUkParser,
  'monthly-counts': monthlyCountsParser,
  population: populationParser,
  'home-office-csp': homeOfficeCspParser,
};

class UnknownFormatError extends Error {
  constructor(header: string[]) {
    const expected = Object.entries(REQUIRED_COLUMNS)
      .map(([format, cols]) => `${format} (${cols.map((c) => c.join('|')).join(', ')})`)
      .join('; ');
    super(`header "${header.join(',')}" matches no input format; expected one of: ${expected}`);
  }
}

/**
 * Reads, validates and publishes one input. Nothing is published from a file with an invalid row
 * unless the caller accepts valid rows; the report says what was read, refused and published.
 */
export async function ingestSource(source: InputSource, opts: IngestOptions): Promise<FileReport> {
  const first = await ingestOnce(source, opts);
  // Nothing was published from a refused file, so reading it again with the new reference is safe.
  if (!first.lacksReference || !(await opts.reloadReference?.())) return first.report;
  return (await ingestOnce(source, opts)).report;
}

async function ingestOnce(
  source: InputSource,
  opts: IngestOptions,
): Promise<{ report: FileReport; lacksReference: boolean }> {
  const clock = opts.clock ?? Date.now;
  const started = clock();
  const problems = new ProblemCollector(opts.problemCap ?? 50);
  const batch = { file: displayFileName(source), revision: started, batchId: randomUUID() };
  const ctx: ParseContext = {
    areas: opts.areas,
    categories: opts.categories,
    force: opts.force,
    lsoaLookup: opts.lsoaLookup,
    problems,
  };
  const report: FileReport = {
    file: source.name,
    format: null,
    status: 'refused',
    batchId: batch.batchId,
    rows: 0,
    rejectedRows: 0,
    problems: [],
    problemCount: 0,
    unmapped: {},
    months: [],
    records: 0,
    populations: 0,
    durationMs: 0,
  };
  const finish = (lacksReference = false) => {
    report.problems = problems.problems;
    report.problemCount = problems.total;
    report.rejectedRows = problems.rejectedRows;
    report.durationMs = clock() - started;
    return { report, lacksReference };
  };

  let parser: FormatParser | undefined;
  let bytes = 0;
  try {
    const input = await source.open();
    const { rows } = await readCsv(
      input,
      {
        header: (fields) => {
          const format = opts.format ?? detectFormat(fields);
          if (!format) throw new UnknownFormatError(fields);
          report.format = format;
          parser = PARSERS[format](ctx);
          parser.header(fields);
        },
        row: (fields, line) => {
          parser!.row(fields, line);
          if (opts.onProgress && (line & 0x3fff) === 0)
            opts.onProgress({ source, bytes, rows: line - 1 });
        },
      },
      (n) => (bytes += n),
    );
    report.rows = rows;
    opts.onProgress?.({ source, bytes: source.size, rows });
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error);
    return finish();
  }
  if (!parser) {
    report.error = 'the file is empty: no header row';
    return finish();
  }
  const refusal = parser.refusal?.();
  if (refusal !== undefined) {
    report.error = refusal;
    return finish(parser.lacksReference?.() ?? false);
  }
  if (problems.total > 0 && !opts.acceptValidRows) return finish();

  const parsed = parser.result();
  try {
    if (parsed.kind === 'counts') {
      const records = recordsOf(parsed, opts.areas, parsed.force ?? opts.force, batch);
      report.months = [...parsed.months].sort();
      report.unmapped = parsed.unmapped;
      if (parsed.unknownOffenceCodes) report.unknownOffenceCodes = parsed.unknownOffenceCodes;
      await opts.sink.publishRecords(records);
      report.records = records.length;
    } else {
      const populations: PopulationRecord[] = parsed.rows.map((row) => ({
        ...row,
        source: { file: batch.file },
        revision: batch.revision,
        batchId: batch.batchId,
      }));
      await opts.sink.publishPopulations(populations);
      report.populations = populations.length;
    }
    report.status = problems.total > 0 ? 'accepted-with-rejections' : 'accepted';
  } catch (error) {
    report.status = 'publish-failed';
    report.error = `publishing failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  return finish();
}
