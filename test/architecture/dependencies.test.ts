import { describe, expect, it } from 'vitest';
import { workspacePackages } from './workspace.ts';

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
