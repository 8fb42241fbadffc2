import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { BatchReportSchema, type BatchReport, type InputFormat } from '@crimestats/contracts';
import { UserError } from '../user-error.ts';

async function filesOf(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UserError(`${path}: no such file or folder`);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path, { recursive: true })).map(String).sort();
    files.push(
      ...names
        .filter((n) => ['.csv', '.zip'].includes(extname(n).toLowerCase()))
        .map((n) => join(path, n)),
    );
  }
  return files;
}

/**
 * Sends files to the running `crimestats up`, which owns the embedded engine's data folder: the
 * same validation and pipeline, reached over its upload endpoint with the local analyst token.
 */
export async function ingestThroughServer(
  url: string,
  token: string,
  paths: string[],
  opts: { format?: InputFormat; acceptValidRows: boolean },
): Promise<BatchReport> {
  const reports: BatchReport['files'] = [];
  for (const file of await filesOf(paths)) {
    const query = new URLSearchParams({
      filename: basename(file),
      acceptValidRows: String(opts.acceptValidRows),
    });
    if (opts.format) query.set('format', opts.format);
    const response = await postFile(
      `${url}/v1/uploads?${query}`,
      token,
      file,
      extname(file).toLowerCase() === '.zip' ? 'application/zip' : 'text/csv',
    );
    const body: unknown = await response.json();
    const parsed = BatchReportSchema.safeParse(body);
    if (!parsed.success) {
      throw new UserError(`the running server refused ${file}: ${JSON.stringify(body)}`, 1);
    }
    reports.push(...parsed.data.files.map((f) => ({ ...f, file: join(file, '..', f.file) })));
  }
  return { files: reports, ok: reports.every((f) => f.status === 'accepted') };
}

/** POSTs a file as the streamed body (never read whole into memory), with the bearer token. */
export function postFile(
  url: string,
  token: string,
  file: string,
  contentType: string,
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
}
