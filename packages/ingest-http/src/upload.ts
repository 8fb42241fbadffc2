import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** `1 GB`, `20 MB`, `512 bytes`: the limit as an analyst would write it. */
function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(
      `the upload is larger than this service's limit of ${formatBytes(limitBytes)}; ` +
        'split it (one file per month) or ask for MAX_UPLOAD_MB to be raised',
    );
    this.name = 'UploadTooLargeError';
  }
}

/** The client went away mid-upload: its fault, not the service's (the error handler answers 400). */
export class UploadInterruptedError extends Error {
  readonly statusCode = 400;
  constructor() {
    super('the upload was interrupted before the whole file arrived');
    this.name = 'UploadInterruptedError';
  }
}

/** A file name safe to create in a private temporary folder, keeping what the user called it. */
export function safeUploadName(name: string | undefined): string {
  const cleaned = basename(name ?? '')
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '');
  return cleaned === '' ? 'upload.csv' : cleaned;
}

/**
 * Streams a request body to disk, in its own folder under `parentDir`, refusing past the size
 * limit. The caller removes the folder.
 * The body is not destroyed on refusal: destroying a request closes its socket, and the client
 * would never see the 413. The rest of a refused body is read and dropped instead.
 */
export async function saveUpload(
  body: Readable,
  name: string,
  limitBytes: number,
  parentDir: string = tmpdir(),
): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(parentDir, 'crimestats-upload-'));
  const path = join(dir, name);
  const cleanup = () => rm(dir, { recursive: true, force: true });
  let seen = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limitBytes) callback(new UploadTooLargeError(limitBytes));
      else callback(null, chunk);
    },
  });
  // pipe() does not forward the source's errors; a client that goes away must end the wait too.
  const onError = () => limit.destroy(new UploadInterruptedError());
  const onClose = () => {
    if (!body.readableEnded) limit.destroy(new UploadInterruptedError());
  };
  body.once('error', onError);
  body.once('close', onClose);
  if (body.destroyed) onClose(); // gone while the folder was being made
  const file = createWriteStream(path);
  try {
    body.pipe(limit);
    await pipeline(limit, file);
  } catch (error) {
    body.unpipe(limit);
    if (!body.destroyed) body.resume();
    // pipeline() rejects at the first error, possibly before the file is even open; removing the
    // folder before the file is closed would race with its creation and leave it behind.
    // (Not events.once: it rejects with the error the stream was destroyed with.)
    file.destroy();
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    await cleanup();
    throw error;
  } finally {
    body.off('error', onError);
    body.off('close', onClose);
  }
  return { path, cleanup };
}

/** An upload saved to disk (removed by `cleanup`), or the refusal to answer its request with. */
export type ReceivedUpload =
  | { ok: true; path: string; cleanup: () => Promise<void> }
  | { ok: false; status: 400 | 413; error: string };

/**
 * A request's body saved under `name` as `saveUpload` saves it, after the checks every upload
 * route makes: the body must be a stream of one of `contentTypes` (400), and neither its declared
 * length nor what arrives may pass `limitBytes` (413, the declared length before anything is stored).
 */
export async function receiveUpload(
  body: unknown,
  declaredLength: string | undefined,
  upload: { name: string; limitBytes: number; contentTypes: readonly string[]; parentDir?: string },
): Promise<ReceivedUpload> {
  if (!(body instanceof Readable)) {
    return {
      ok: false,
      status: 400,
      error: `send the file as the request body, with Content-Type ${upload.contentTypes.join(', ')}`,
    };
  }
  if (Number(declaredLength ?? 0) > upload.limitBytes) {
    return { ok: false, status: 413, error: new UploadTooLargeError(upload.limitBytes).message };
  }
  try {
    return {
      ok: true,
      ...(await saveUpload(body, upload.name, upload.limitBytes, upload.parentDir)),
    };
  } catch (error) {
    if (error instanceof UploadTooLargeError)
      return { ok: false, status: 413, error: error.message };
    throw error;
  }
}
