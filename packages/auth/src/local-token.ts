import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashToken, newToken, type TokenEntry } from './tokens.ts';

/**
 * Single-machine mode's analyst token: made on first start, kept in `<home>/local-token` (readable
 * only by its owner) so scripts can read it, and the same on every later start.
 */
export async function ensureLocalToken(
  home: string,
): Promise<{ token: string; created: boolean; entry: TokenEntry; path: string }> {
  const path = join(home, 'local-token');
  let token: string;
  let created = false;
  if (existsSync(path)) {
    token = (await readFile(path, 'utf8')).trim();
  } else {
    await mkdir(home, { recursive: true });
    token = newToken();
    await writeFile(path, `${token}\n`, { mode: 0o600 });
    await chmod(path, 0o600);
    created = true;
  }
  return {
    token,
    created,
    path,
    entry: { name: 'local-analyst', role: 'analyst', hash: hashToken(token) },
  };
}
