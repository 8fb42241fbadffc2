import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './workspace.ts';

// The repository must build, test and explain itself from its own files. Reference tables live in
// test/fixtures/reference (with their sources named); nothing may read or cite the folder that
// once sat beside the repository, under any path that reaches it.
// (The folder's name is kept apart here so that this file does not cite it either.)
const OUTSIDE_FOLDER = 'shared';
const OUTSIDE = new RegExp(`\\.\\./${OUTSIDE_FOLDER}\\b|/work/${OUTSIDE_FOLDER}\\b`);

/** Markdown notes that record history may name old places; nothing else may. */
const HISTORY_NOTES = /^docs\/history\/.+\.md$/;

const SKIPPED_FOLDERS = new Set([
  '.git',
  'node_modules',
  '.crimestats',
  'coverage',
  'test-results',
]);

/** Tracked files and new ones not ignored; a walk of the tree when git is not there (a tarball). */
function repositoryFiles(): string[] {
  try {
    const listed = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    return [...new Set(listed.split('\0').filter(Boolean))];
  } catch {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        if (entry.isDirectory()) {
          return SKIPPED_FOLDERS.has(entry.name) ? [] : walk(join(dir, entry.name));
        }
        return entry.isFile() ? [relative(ROOT, join(dir, entry.name))] : [];
      });
    return walk(ROOT);
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(join(ROOT, file), 'utf8');
  } catch {
    return undefined; // deleted in the work tree but still tracked, or not readable
  }
}

describe('the repository stands alone', () => {
  it('reads and cites nothing outside itself (only history notes may name old places)', () => {
    const citations = repositoryFiles()
      .filter((file) => !HISTORY_NOTES.test(file))
      .flatMap((file) =>
        (readText(file) ?? '')
          .split('\n')
          .flatMap((line, index) =>
            OUTSIDE.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
          ),
      );
    expect(citations).toEqual([]);
  });

  it('keeps the reference tables the tests read, with a note naming their sources', () => {
    const notes = readText('test/fixtures/reference/README.md') ?? '';
    for (const table of [
      'plan-tables-2025.csv',
      'population-2025.csv',
      'home-office-offence-classification-2017-18.csv',
    ]) {
      expect(readText(`test/fixtures/reference/${table}`), table).toBeDefined();
      expect(notes, `the README names ${table}`).toContain(`\`${table}\``);
    }
  });
});
