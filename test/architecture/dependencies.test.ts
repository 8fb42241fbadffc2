import { describe, expect, it } from 'vitest';
import { importsOf, isTestCode, sourceFiles, workspacePackages } from './workspace.ts';

describe('workspace dependencies', () => {
  it('take every outside version from the pnpm catalog, so each dependency has one version', () => {
    const pinnedHere = workspacePackages().flatMap((pkg) =>
      Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })
        .filter(([, spec]) => spec !== 'catalog:' && !spec.startsWith('workspace:'))
        .map(([name, spec]) => `${pkg.dir}: ${name}@${spec}`),
    );
    expect(pinnedHere).toEqual([]);
  });
});

/** The first cycle found among the workspace's own packages, as a path of names, or undefined. */
function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...path.slice(path.indexOf(name)), name];
    state.set(name, 'visiting');
    path.push(name);
    for (const next of edges.get(name) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of edges.keys()) {
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('dependencies flow one way', () => {
  it('no workspace package depends on itself through others, tests included', () => {
    const packages = workspacePackages();
    const own = new Set(packages.map((pkg) => pkg.name));
    const edges = new Map(
      packages.map((pkg) => [
        pkg.name,
        Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((name) =>
          own.has(name),
        ),
      ]),
    );
    expect(findCycle(edges)).toBeUndefined();
  });

  it('production code never imports a testing module', () => {
    const offenders = sourceFiles()
      .filter((file) => !isTestCode(file))
      .flatMap((file) =>
        importsOf(file)
          .filter((specifier) => /(^|\/)testing(\/|$)/.test(specifier))
          .map((specifier) => `${file} imports ${specifier}`),
      );
    expect(offenders).toEqual([]);
  });
});
