import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root, two levels above this folder. */
export const ROOT = new URL('../../', import.meta.url).pathname;

export interface WorkspacePackage {
  name: string;
  /** Its folder, relative to the root. */
  dir: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const PACKAGE_PARENTS = ['packages', 'services'];
const SINGLE_PACKAGES = ['infra/local', 'test'];

/** Every package of the workspace (pnpm-workspace.yaml lists the same folders), root included. */
export function workspacePackages(): WorkspacePackage[] {
  const dirs = [
    '.',
    ...PACKAGE_PARENTS.flatMap((parent) =>
      readdirSync(join(ROOT, parent), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `${parent}/${entry.name}`),
    ),
    ...SINGLE_PACKAGES,
  ];
  return dirs.map((dir) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    return {
      name: manifest.name,
      dir,
      dependencies: manifest.dependencies ?? {},
      devDependencies: manifest.devDependencies ?? {},
    };
  });
}

const SOURCE_ROOTS = ['packages', 'services', 'infra/local'];

/** Every TypeScript source file under packages, services and infra/local, relative to the root. */
export function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const root of SOURCE_ROOTS) walk(root);
  return files;
}

/** Tests and the helpers only tests use (`testing/` folders). */
export function isTestCode(file: string): boolean {
  return /\.test\.tsx?$/.test(file) || /(^|\/)testing\//.test(file);
}

/** The module specifiers a file imports or re-exports, static and dynamic. */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
  return [...text.matchAll(pattern)].map((match) => match[1]!);
}
