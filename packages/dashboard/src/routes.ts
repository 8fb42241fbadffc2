import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { clientScripts, type ClientScript } from './client-bundle.ts';

// The dashboard is one page: public/index.html and public/style.css, served as they are, and
// its scripts, bundled by esbuild from the TypeScript in client/ in memory when this plugin is
// registered (client-bundle.ts), so `crimestats up` and the tests need no build step and a
// client that does not build stops the server at start. Chart.js is its own UMD build.

/** The page's own files, served as they are. */
export const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

// chart.js exports only its module entry points; its UMD build sits beside them in dist/.
const chartJsDist = dirname(createRequire(import.meta.url).resolve('chart.js'));

const JS = 'text/javascript; charset=utf-8';

/** A file on disk, or a script of the client's bundle. */
export type DashboardAsset = { type: string } & ({ path: string } | { script: ClientScript });

/** Every file the page may ask for under /dashboard/: nothing else on disk is reachable. */
export const DASHBOARD_ASSETS: Readonly<Record<string, DashboardAsset>> = {
  'app.js': { script: 'app.js', type: JS },
  'format.js': { script: 'format.js', type: JS },
  'style.css': { path: join(PUBLIC_DIR, 'style.css'), type: 'text/css; charset=utf-8' },
  'vendor/chart.umd.js': { path: join(chartJsDist, 'chart.umd.js'), type: JS },
};

/**
 * The page's scripts and styles come only from this server, and it talks only to this server:
 * no inline script, no third parties, no framing. The token travels in the fragment and in
 * sessionStorage, never in a URL the server or a referrer sees.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function sendFile(
  reply: FastifyReply,
  body: Buffer | string,
  type: string,
  headers: Record<string, string> = {},
): FastifyReply {
  return reply
    .headers(headers)
    .type(type)
    .header('cache-control', 'no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .send(body);
}

/**
 * The dashboard: the page at `/` (and `/dashboard/`), its files under `/dashboard/`. The files
 * hold no figures and are open; the page asks for a token and sends it to /v1 as a bearer token.
 */
export const dashboardRoutes: FastifyPluginAsync = async (app) => {
  const scripts = await clientScripts();
  const quiet = { logLevel: 'warn' as const };
  const page = async (_req: unknown, reply: FastifyReply) =>
    sendFile(reply, await readFile(join(PUBLIC_DIR, 'index.html')), 'text/html; charset=utf-8', {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-frame-options': 'DENY',
    });
  app.get('/', quiet, page);
  app.get('/dashboard', quiet, async (_req, reply) => reply.redirect('/', 301));
  app.get('/dashboard/', quiet, page);
  app.get<{ Params: { '*': string } }>('/dashboard/*', quiet, async (req, reply) => {
    const asset = Object.hasOwn(DASHBOARD_ASSETS, req.params['*'])
      ? DASHBOARD_ASSETS[req.params['*']]
      : undefined;
    if (asset === undefined) {
      return reply.code(404).send({ error: `no dashboard file ${req.params['*'].slice(0, 100)}` });
    }
    const body = 'script' in asset ? scripts.get(asset.script) : await readFile(asset.path);
    if (body === undefined) throw new Error(`the client's bundle has no ${req.params['*']}`);
    return sendFile(reply, body, asset.type);
  });
};
