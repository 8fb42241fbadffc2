import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import {
  safeUploadName,
  saveUpload,
  UploadInterruptedError,
  UploadTooLargeError,
} from './upload.ts';

const uploadDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith('crimestats-upload-'));

describe('saveUpload', () => {
  const before = uploadDirs();
  afterAll(() => {
    // Refused and interrupted uploads must not leave their folder behind either.
    expect(uploadDirs().filter((d) => !before.includes(d))).toEqual([]);
  });

  it('stores the body under the given name, and cleanup removes its folder', async () => {
    const saved = await saveUpload(
      Readable.from([Buffer.from('a,b\n'), Buffer.from('1,2\n')]),
      'x.csv',
      8,
    );
    expect(readFileSync(saved.path, 'utf8')).toBe('a,b\n1,2\n');
    await saved.cleanup();
    expect(existsSync(dirname(saved.path))).toBe(false);
  });

  it('refuses past the limit, leaves nothing behind, and drains the body instead of destroying it', async () => {
    const body = new PassThrough();
    const result = saveUpload(body, 'big.csv', 10).catch((e: unknown) => e);
    body.write('0123456789');
    body.write('more');
    const error = await result;
    expect(error).toBeInstanceOf(UploadTooLargeError);
    expect((error as Error).message).toMatch(/limit of 10 bytes/);
    // The client goes on sending; that is read and dropped so it still gets the 413.
    body.end('and the rest');
    await new Promise((r) => body.once('end', r));
    expect(body.readableEnded).toBe(true);
  });

  it('gives up when the client goes away mid-upload', async () => {
    const body = new PassThrough();
    const result = saveUpload(body, 'cut.csv', 1000).catch((e: unknown) => e);
    body.write('half a file');
    body.destroy();
    expect(await result).toBeInstanceOf(UploadInterruptedError);
  });

  it('states limits as people write them', () => {
    expect(new UploadTooLargeError(1024 ** 3).message).toMatch(/limit of 1 GB/);
    expect(new UploadTooLargeError(20 * 1024 ** 2).message).toMatch(/limit of 20 MB/);
  });
});

describe('safeUploadName', () => {
  it('keeps the name but not folders, odd characters or a leading dot', () => {
    expect(safeUploadName('2025-03-derbyshire-street.csv')).toBe('2025-03-derbyshire-street.csv');
    expect(safeUploadName('../../etc/passwd')).toBe('passwd');
    expect(safeUploadName('..\\..\\x y.zip')).toBe('_.._x_y.zip');
    expect(safeUploadName('.hidden.csv')).toBe('hidden.csv');
    expect(safeUploadName('')).toBe('upload.csv');
  });
});
