import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles } from './workspace.ts';

/** Each file's relative imports, resolved to files (type imports included: they tie files too). */
function fileGraph(): Map<string, string[]> {
  const files = new Set(sourceFiles());
  return new Map(
    [...files].map((file) => [
      file,
      importsOf(file)
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => normalize(join(dirname(file), specifier)))
        .filter((target) => files.has(target)),
    ]),
  );
}

/** Every cycle's files, each cycle reported once from the first file DFS meets it at. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'visiting');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'visiting') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('modules', () => {
  it('never import each other in a circle', () => {
    expect(cycles(fileGraph()).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});
