import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import {
  MAX_ZIP_ENTRIES,
  MAX_ZIP_RATIO,
  MAX_ZIP_UNCOMPRESSED_BYTES,
  ZIP_RATIO_MIN_BYTES,
} from './input-limits.ts';

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
    // yauzl checks each entry's bytes against the sizes its header declares as it inflates them
    // (validateEntrySizes), so an archive whose headers understate a bomb fails at the stated size.
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true },
      (error, zip) =>
        error || !zip ? reject(zipError(path, error ?? new Error('no zip'))) : resolve(zip),
    ),
  );
}

/** yauzl's own words, said as a reason naming the archive. */
function zipError(path: string, error: Error): InputError {
  if (/absolute path|invalid relative path|invalid characters in fileName/.test(error.message)) {
    return new InputError(
      path,
      `an entry's name points outside the archive (${error.message}); such names are never ` +
        'accepted: the archive is refused',
    );
  }
  return new InputError(path, `cannot be read as a zip archive: ${error.message}`);
}

/**
 * An entry's own failure while it is read, without the archive's path: the file report already
 * names the entry, and an upload's server-side folder must not leak into it.
 */
function entryError(error: Error): Error {
  if (/too many bytes in the stream|not enough bytes in the stream/.test(error.message)) {
    return new Error(
      `the entry's data does not match the size its header declares (${error.message}): the ` +
        'archive is damaged or hostile, refused',
    );
  }
  return new Error(`the entry cannot be read from the archive: ${error.message}`);
}

async function zipEntries(path: string): Promise<yauzl.Entry[]> {
  const zip = await openZip(path);
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) {
      throw new InputError(
        path,
        `holds ${zip.entryCount} entries, more than the ${MAX_ZIP_ENTRIES} allowed: refused`,
      );
    }
    return await new Promise((resolve, reject) => {
      const entries: yauzl.Entry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve(entries));
      zip.once('error', (error: Error) => reject(zipError(path, error)));
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

const NESTED_ARCHIVE = /\.(zip|7z|rar|gz|tgz|tar)$/i;

/**
 * Refuses, from the headers alone, an archive that would inflate past the limits: archives inside
 * it (never opened: each level would multiply a bomb), too much in all, or an entry compressed
 * more than any CSV text is. Headers can understate; yauzl then stops the entry at what they say.
 */
function checkArchive(path: string, all: yauzl.Entry[], street: yauzl.Entry[]): void {
  const nested = all.filter((e) => NESTED_ARCHIVE.test(e.fileName)).map((e) => e.fileName);
  if (nested.length > 0) {
    throw new InputError(
      path,
      `holds another archive (${nested.slice(0, 3).join(', ')}${nested.length > 3 ? ', …' : ''}); ` +
        'archives inside archives are not opened: extract it and ingest the inner archive',
    );
  }
  let total = 0;
  for (const entry of street) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= ZIP_RATIO_MIN_BYTES && ratio > MAX_ZIP_RATIO) {
      throw new InputError(
        `${path}!${entry.fileName}`,
        `inflates ${Math.round(ratio)} times (${entry.compressedSize} bytes to ` +
          `${entry.uncompressedSize}), more than the ${MAX_ZIP_RATIO} times CSV text can: ` +
          'a zip bomb, refused',
      );
    }
  }
  if (total > MAX_ZIP_UNCOMPRESSED_BYTES) {
    throw new InputError(
      path,
      `its street files hold ${total} bytes uncompressed, more than the ` +
        `${MAX_ZIP_UNCOMPRESSED_BYTES} allowed in one archive: refused (split it)`,
    );
  }
}

/**
 * Every street-level file inside a data.police.uk archive, e.g.
 * `2025-01/2025-01-derbyshire-street.csv`, of whichever forces it holds: each file's force is
 * read from its own `Falls within`, as for a plain file. Outcomes and stop-and-search files are
 * left out.
 */
export async function sourcesInZip(path: string): Promise<InputSource[]> {
  const all = await zipEntries(path);
  const entries = all.filter((e) => STREET_FILE.test(e.fileName));
  checkArchive(path, all, entries);
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
            if (error || !stream) {
              zip.close();
              return reject(entryError(error ?? new Error('no stream')));
            }
            stream.once('close', () => zip.close());
            resolve(withEntryErrors(stream));
          }),
        );
      },
    }));
}

/** The entry's stream, its errors (a size that lied, a corrupt deflate) said as entryError says them. */
function withEntryErrors(stream: Readable): Readable {
  const out = new PassThrough();
  stream.once('error', (error: Error) => out.destroy(entryError(error)));
  // A reader that stops early (a refused row) must still free the entry and close the archive.
  out.once('close', () => stream.destroy());
  stream.pipe(out);
  return out;
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
