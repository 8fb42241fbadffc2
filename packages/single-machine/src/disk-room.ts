import { statfs } from 'node:fs/promises';

/**
 * The free space a load needs before it starts. The embedded engine reserves at least 1 MiB for
 * every insert, and a load makes several after its figures (its load record, its events): a disk
 * that fills between them would keep the figures and lose the record. So a load starts only with
 * room for all of them, and a nearly full disk is refused before anything is written.
 */
export const MIN_FREE_BYTES = 16 * 1024 * 1024;

/** Throws, naming the folder and the space left, when the disk under `path` is nearly full. */
export async function ensureRoomFor(path: string): Promise<void> {
  const { bavail, bsize } = await statfs(path);
  const free = Number(bavail) * Number(bsize);
  if (free >= MIN_FREE_BYTES) return;
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  throw new Error(
    `the disk under ${path} is nearly full: ${mib(free)} free, a load needs ${mib(MIN_FREE_BYTES)}; nothing of this file was written`,
  );
}
