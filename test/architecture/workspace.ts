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
