import { randomUUID } from 'node:crypto';
import { basename, dirname, relative, sep } from 'node:path';
import type { BatchReport, FileReport, InputFormat } from '@crimestats/contracts';
import type { Area, AreaRegistry, CategoryTaxonomy } from '@crimestats/domain';
import { ingestSources } from './ingest-batch.ts';
import type { IngestSink } from './sink.ts';
import { expandInputs } from './sources.ts';

export interface FileIngestDeps {
  areas: AreaRegistry;
  categories: CategoryTaxonomy;
  force: Area;
  sink: IngestSink;
  /** See IngestOptions: a file of a force loaded since the reference was read is then taken. */
  reloadReference?: () => Promise<boolean>;
}

export interface FileIngestOptions {
  format?: InputFormat;
  acceptValidRows?: boolean;
}

/** Ingests one file on disk (a CSV or a police.uk zip) and reports it by its own name. */
export type FileIngester = (path: string, opts?: FileIngestOptions) => Promise<BatchReport>;

/** A file the ingestion path could not even open as input (a broken zip, a zip without street files). */
function unreadable(file: string, error: string): FileReport {
  return {
    file,
    format: null,
    status: 'refused',
    batchId: randomUUID(),
    rows: 0,
    rejectedRows: 0,
    problems: [],
    problemCount: 0,
    error,
    unmapped: {},
    months: [],
    records: 0,
    populations: 0,
    durationMs: 0,
  };
}

/**
 * The one path uploads (both servers) and the drop folder take: `expandInputs` + `ingestSources`, like
 * `crimestats ingest`. Reports name files relative to the file's folder (`upload.csv`,
 * `archive.zip!2025-01/…-street.csv`), so a temporary or server-side folder never leaks out.
 */
export function fileIngester(deps: FileIngestDeps): FileIngester {
  return async (path, opts = {}) => {
    const folder = dirname(path);
    let sources;
    try {
      sources = await expandInputs([path]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        files: [unreadable(basename(path), message.split(folder + sep).join(''))],
      };
    }
    const report = await ingestSources(sources, {
      areas: deps.areas,
      categories: deps.categories,
      force: deps.force,
      sink: deps.sink,
      reloadReference: deps.reloadReference,
      format: opts.format,
      acceptValidRows: opts.acceptValidRows ?? false,
    });
    return {
      ok: report.ok,
      files: report.files.map((f) => ({ ...f, file: relative(folder, f.file) })),
    };
  };
}
