import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ident } from '../sql.ts';

/** The migrations shipped with this package: `packages/store/migrations`. */
export const defaultMigrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface MigrationFile {
  version: number;
  /** The file name without number and extension: `0002_figures.sql` is `figures`. */
  name: string;
  fileName: string;
  /** sha256 of the file with line endings normalised, so a CRLF checkout is not a change. */
  checksum: string;
  /** Statements with `{{database}}` still in them; see `renderStatement`. */
  statements: string[];
}

const fileNamePattern = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Splits a migration into statements. Deliberately simple, so a reader can predict it:
 * - lines whose first non-blank characters are `--` are comments and dropped;
 * - a statement ends at a `;` that is the last non-blank character of a line;
 * - blank statements are skipped.
 * So a `;` inside a line never splits, and a string literal must not end a line with `;`.
 */
export function splitStatements(text: string): string[] {
  const withoutComments = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  return withoutComments
    .split(/;[ \t]*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

const placeholderPattern = /\{\{\s*([^}]*?)\s*\}\}/g;

/**
 * Migrations name tables as `{{database}}.table`: ClickHouse over HTTP has no `USE`, and the runner
 * must create the database before any client could default to it. The name goes in through
 * `ident`, like every other identifier; any other placeholder is a mistake in the file.
 */
export function renderStatement(statement: string, database: string): string {
  const databaseText = ident(database).text;
  return statement.replace(placeholderPattern, (_match, name: string) => {
    if (name !== 'database') throw new Error(`unknown placeholder {{${name}}} in migration`);
    return databaseText;
  });
}

export function checksumOf(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

/** Reads `NNNN_name.sql` files in version order; refuses stray `.sql` names and duplicate numbers. */
export async function loadMigrations(dir: string = defaultMigrationsDir): Promise<MigrationFile[]> {
  const entries = (await readdir(dir)).filter((entry) => entry.endsWith('.sql')).sort();
  const migrations: MigrationFile[] = [];
  for (const fileName of entries) {
    const match = fileNamePattern.exec(fileName);
    if (!match?.[1] || !match[2]) {
      throw new Error(`migration file ${fileName} is not named NNNN_lower_snake_name.sql`);
    }
    const version = Number(match[1]);
    if (version === 0) throw new Error(`migration file ${fileName}: versions start at 0001`);
    const previous = migrations.at(-1);
    if (previous?.version === version) {
      throw new Error(`migrations ${previous.fileName} and ${fileName} share version ${version}`);
    }
    const text = await readFile(join(dir, fileName), 'utf8');
    const statements = splitStatements(text);
    if (statements.length === 0) throw new Error(`migration file ${fileName} has no statements`);
    migrations.push({ version, name: match[2], fileName, checksum: checksumOf(text), statements });
  }
  return migrations;
}
