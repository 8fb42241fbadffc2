import type { BatchReport } from '@crimestats/contracts';
import { ingestSource, type IngestOptions } from './ingest-source.ts';
import type { InputSource } from './sources.ts';

/** Ingests sources one after another; the batch is ok only if every file was accepted whole. */
export async function ingestSources(
  sources: InputSource[],
  opts: IngestOptions,
): Promise<BatchReport> {
  const files = [];
  for (const source of sources) files.push(await ingestSource(source, opts));
  return { files, ok: files.every((f) => f.status === 'accepted') };
}
