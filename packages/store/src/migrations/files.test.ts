import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checksumOf, loadMigrations, renderStatement, splitStatements } from './files.ts';

describe('splitStatements', () => {
  it('splits on a semicolon at the end of a line or on its own line', () => {
    expect(
      splitStatements('CREATE TABLE a (x UInt8) ENGINE = Memory;\nSELECT 1\n;\nSELECT 2'),
    ).toEqual(['CREATE TABLE a (x UInt8) ENGINE = Memory', 'SELECT 1', 'SELECT 2']);
  });

  it('does not split on a semicolon inside a line', () => {
    expect(splitStatements("SELECT 'a;b' AS x;\n")).toEqual(["SELECT 'a;b' AS x"]);
  });

  it('allows trailing blanks after the semicolon and CRLF line endings', () => {
    expect(splitStatements('SELECT 1; \t\r\nSELECT 2;\r\n')).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('drops whole-line comments and empty statements', () => {
    expect(splitStatements('-- heading;\n  -- indented\n;\nSELECT 1;\n\n;\n')).toEqual([
      'SELECT 1',
    ]);
  });

  it('keeps multi-line statements whole', () => {
    expect(
      splitStatements('CREATE TABLE t\n(\n  a String,\n  b UInt8\n)\nENGINE = Memory;'),
    ).toEqual(['CREATE TABLE t\n(\n  a String,\n  b UInt8\n)\nENGINE = Memory']);
  });
});

describe('renderStatement', () => {
  it('puts the database in as a checked identifier', () => {
    expect(renderStatement('CREATE TABLE {{database}}.t (x UInt8)', 'crime_1')).toBe(
      'CREATE TABLE `crime_1`.t (x UInt8)',
    );
    expect(renderStatement('{{ database }}.a, {{database}}.b', 'd')).toBe('`d`.a, `d`.b');
  });

  it('refuses a bad database name and unknown placeholders', () => {
    expect(() => renderStatement('{{database}}.t', 'x`; DROP')).toThrow(RangeError);
    expect(() => renderStatement('{{table}}', 'd')).toThrow(/unknown placeholder/);
  });
});

describe('checksumOf', () => {
  it('ignores line-ending style but nothing else', () => {
    expect(checksumOf('a\r\nb')).toBe(checksumOf('a\nb'));
    expect(checksumOf('a\nb')).not.toBe(checksumOf('a\nb '));
  });
});

describe('loadMigrations', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'store-migrations-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the shipped migrations in order', async () => {
    const migrations = await loadMigrations();
    expect(migrations.map((m) => m.fileName)).toEqual([
      '0001_monthly_records.sql',
      '0002_figures.sql',
      '0003_loads.sql',
      '0004_populations.sql',
      '0005_subscriptions.sql',
      '0006_figure_events.sql',
      '0007_deliveries.sql',
      '0008_feeds.sql',
      '0010_reference_areas.sql',
      '0011_reference_categories.sql',
    ]);
    expect(migrations.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11]);
    for (const migration of migrations) {
      expect(migration.checksum).toMatch(/^[0-9a-f]{64}$/);
      for (const statement of migration.statements) expect(statement).toMatch(/IF NOT EXISTS/);
    }
  });

  it('orders by number and ignores other files', async () => {
    await writeFile(join(dir, '0010_later.sql'), 'SELECT 10;');
    await writeFile(join(dir, '0002_earlier.sql'), 'SELECT 2;');
    await writeFile(join(dir, 'README.md'), 'notes');
    const migrations = await loadMigrations(dir);
    expect(migrations.map((m) => [m.version, m.name])).toEqual([
      [2, 'earlier'],
      [10, 'later'],
    ]);
  });

  it('refuses badly named files, duplicate versions, version 0 and empty files', async () => {
    await writeFile(join(dir, '1_bad.sql'), 'SELECT 1;');
    await expect(loadMigrations(dir)).rejects.toThrow(/1_bad\.sql is not named/);
    await rm(join(dir, '1_bad.sql'));

    await writeFile(join(dir, '0001_a.sql'), 'SELECT 1;');
    await writeFile(join(dir, '0001_b.sql'), 'SELECT 1;');
    await expect(loadMigrations(dir)).rejects.toThrow(/share version 1/);
    await rm(join(dir, '0001_b.sql'));

    await writeFile(join(dir, '0000_zero.sql'), 'SELECT 0;');
    await expect(loadMigrations(dir)).rejects.toThrow(/start at 0001/);
    await rm(join(dir, '0000_zero.sql'));

    await writeFile(join(dir, '0002_empty.sql'), '-- nothing yet\n');
    await expect(loadMigrations(dir)).rejects.toThrow(/no statements/);
  });
});
