import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { reportingAppRoutes } from '../../packages/reporting-http/src/testing/app-routes.ts';
import { buildProgram } from '../../services/cli/src/program.ts';
import { ROOT } from './workspace.ts';

// docs/contract.md is what users' scripts rely on. Every command, flag and reporting route the
// code has must be in it, so a new one cannot ship undocumented. (Whether what it says is right is
// for review; that it is complete is checked here.)
const contract = readFileSync(join(ROOT, 'docs/contract.md'), 'utf8');

function commandPaths(
  command: Command,
  parents: string[] = [],
): { path: string; flags: string[] }[] {
  return command.commands.flatMap((sub) => {
    const path = [...parents, sub.name()];
    const flags = sub.options.flatMap((option) => (option.long ? [option.long] : []));
    return [{ path: path.join(' '), flags }, ...commandPaths(sub, path)];
  });
}

describe('docs/contract.md', () => {
  it('describes every CLI command and each of its flags', async () => {
    const commands = commandPaths(buildProgram());
    expect(commands.map((command) => command.path)).toEqual(
      expect.arrayContaining([
        'ingest',
        'report compare',
        'report changes',
        'report trend',
        'up',
        'migrate',
      ]),
    );
    const missing = commands.flatMap(({ path, flags }) => [
      ...(contract.includes(`crimestats ${path}`) ? [] : [`crimestats ${path}`]),
      ...flags.filter((flag) => !contract.includes(`\`${flag}`)).map((flag) => `${path} ${flag}`),
    ]);
    expect(missing).toEqual([]);
  }, 30_000);

  it('describes every route of the reporting service', async () => {
    const routes = await reportingAppRoutes();
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /v1/comparisons',
        'GET /v1/areas/{code}/changes',
        'GET /healthz',
      ]),
    );
    // Under /docs/ are the documentation page's own files (swagger-ui), not part of the API.
    const missing = routes.filter(
      (route) => !route.includes(' /docs/') && !contract.includes(`\`${route}`),
    );
    expect(missing).toEqual([]);
  }, 30_000);
});
