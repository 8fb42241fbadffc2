import type { FastifyInstance } from 'fastify';

/**
 * Every route a ready app serves, as the contract writes it (`GET /v1/areas/{code}/trend`), from
 * Fastify's own route tree, so a route added later is in the list without anyone adding it; the
 * HEAD routes Fastify adds to every GET are left out. Used by the tests that hold each route to
 * the contract and to its access rules.
 */
export function listRoutes(app: FastifyInstance): string[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const parents: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const node = /^((?:│ {3}| {4})*)[├└]── (.+) \(([^)]*)\)$/.exec(line);
    if (node === null) continue;
    const [, indent = '', segment = '', methods = ''] = node;
    const depth = indent.length / 4;
    parents.length = depth;
    const path = `${parents.join('')}${segment}`;
    parents.push(segment);
    for (const method of methods.split(', ')) {
      if (method !== 'HEAD' && method !== '-') {
        routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
      }
    }
  }
  return [...new Set(routes)];
}
