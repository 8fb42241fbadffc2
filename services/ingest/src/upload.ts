import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`upload is larger than the limit of ${Math.round(limitBytes / 1024 / 1024)} MB`);
  }
}

/** A file name safe to create in a private temporary folder, keeping what the user called it. */
export function safeUploadName(name: string | undefined): string {
  const cleaned = basename(name ?? '')
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '');
  return cleaned === '' ? 'upload.csv' : cleaned;
}

/** Streams a request body to disk, refusing past the size limit. The caller removes the folder. */
export async function saveUpload(
  body: Readable,
  name: string,
  limitBytes: number,
): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'crimestats-upload-'));
  const path = join(dir, name);
  let seen = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(seen > limitBytes ? new UploadTooLargeError(limitBytes) : null, chunk);
    },
  });
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(body, limit, createWriteStream(path));
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { path, cleanup };
}
