import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** One CSV to ingest: a file on disk or an entry of a zip archive. */
export interface InputSource {
  /** How reports name it: the path, or `archive.zip!entry.csv`. */
  name: string;
  /** Uncompressed size in bytes, for progress. */
  size: number;
  open(): Promise<Readable>;
}

export class InputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'InputError';
  }
}

const STREET_FILE = /(^|\/)[^/]+-street\.csv$/;

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip),
    ),
  );
}

async function zipEntries(path: string): Promise<yauzl.Entry[]> {
  const zip = await openZip(path);
  try {
    return await new Promise((resolve, reject) => {
      const entries: yauzl.Entry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve(entries));
      zip.once('error', reject);
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/**
 * Every street-level file inside a data.police.uk archive, e.g.
 * `2025-01/2025-01-derbyshire-street.csv`, of whichever forces it holds: each file's force is
 * read from its own `Falls within`, as for a plain file. Outcomes and stop-and-search files are
 * left out.
 */
export async function sourcesInZip(path: string): Promise<InputSource[]> {
  const entries = (await zipEntries(path)).filter((e) => STREET_FILE.test(e.fileName));
  if (entries.length === 0) {
    throw new InputError(path, 'no *-street.csv files in this archive');
  }
  return entries
    .sort((a, b) => a.fileName.localeCompare(b.fileName))
    .map((entry) => ({
      name: `${path}!${entry.fileName}`,
      size: entry.uncompressedSize,
      open: async () => {
        const zip = await openZip(path);
        return new Promise<Readable>((resolve, reject) =>
          zip.openReadStream(entry, (error, stream) => {
            if (error || !stream) return reject(error ?? new Error('no stream'));
            stream.once('close', () => zip.close());
            resolve(stream);
          }),
        );
      },
    }));
}

const INGESTIBLE = new Set(['.csv', '.zip']);

/** Files, folders (searched recursively for .csv and .zip) and police.uk archives, in a stable order. */
export async function expandInputs(paths: string[]): Promise<InputSource[]> {
  const sources: InputSource[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new InputError(path, 'no such file or folder');
    if (info.isDirectory()) {
      const names = (await readdir(path, { recursive: true })).map(String).sort();
      const files = names.filter((n) => INGESTIBLE.has(extname(n).toLowerCase()));
      if (files.length === 0) throw new InputError(path, 'no .csv or .zip files in this folder');
      sources.push(...(await expandInputs(files.map((n) => join(path, n)))));
    } else if (extname(path).toLowerCase() === '.zip') {
      sources.push(...(await sourcesInZip(path)));
    } else {
      sources.push({ name: path, size: info.size, open: async () => createReadStream(path) });
    }
  }
  return sources;
}

/** The name records carry: the file's own name, without folders (and the entry's, for archives). */
export function displayFileName(source: InputSource): string {
  return basename(source.name.split('!').pop() ?? source.name);
}
