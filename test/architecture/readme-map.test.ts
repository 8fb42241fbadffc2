import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, workspacePackages } from './workspace.ts';

/** The folders the README's map names, in its order. */
function mapFolders(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/^\| `((?:packages|services)\/[a-z-]+)` \|/gm)].map((m) => m[1]!);
}

const folders = (parent: string): string[] =>
  readdirSync(join(ROOT, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${parent}/${entry.name}`);

describe("the README's map of folders", () => {
  it('names every package and service, and nothing else', () => {
    expect([...mapFolders()].sort()).toEqual(
      [...folders('packages'), ...folders('services')].sort(),
    );
  });

  it('lists packages below everything they depend on, tests included', () => {
    const order = mapFolders();
    const byName = new Map(workspacePackages().map((pkg) => [pkg.name, pkg]));
    const dirOf = new Map([...byName.values()].map((pkg) => [pkg.name, pkg.dir]));
    const upward = order.flatMap((dir, position) => {
      const pkg = [...byName.values()].find((candidate) => candidate.dir === dir);
      if (!pkg) return [`${dir}: no package.json`];
      return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
        .map((name) => dirOf.get(name))
        .filter((dep): dep is string => dep !== undefined && order.includes(dep))
        .filter((dep) => order.indexOf(dep) > position)
        .map((dep) => `${dir} depends on ${dep}, listed below it`);
    });
    expect(upward).toEqual([]);
  });
});
