import { existsSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * What a running `crimestats up` leaves in CRIMESTATS_HOME. The embedded engine admits one process
 * per data folder, so while it runs, other commands send their work to it instead of opening the
 * folder themselves.
 */
export const ServerInfoSchema = z.object({
  pid: z.number().int().positive(),
  url: z.string().url(),
  startedAt: z.string(),
});
export type ServerInfo = z.infer<typeof ServerInfoSchema>;

const infoPath = (home: string): string => join(home, 'server.json');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function writeServerInfo(home: string, info: ServerInfo): Promise<void> {
  await writeFile(infoPath(home), JSON.stringify(info, null, 2));
}

/** Synchronous, so it also runs as the last act of a process that is exiting. */
export function removeServerInfoSync(home: string): void {
  rmSync(infoPath(home), { force: true });
}

/** The running server for this home, if there is one; a file left by a dead process is ignored. */
export async function runningServer(home: string): Promise<ServerInfo | undefined> {
  if (!existsSync(infoPath(home))) return undefined;
  const parsed = ServerInfoSchema.safeParse(JSON.parse(await readFile(infoPath(home), 'utf8')));
  if (!parsed.success || !alive(parsed.data.pid)) return undefined;
  return parsed.data;
}
