import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

// The page's script is the TypeScript in client/, bundled by esbuild in memory when the server
// first needs it: nothing to build by hand, nothing built on disk to go stale. The bundle holds
// the real month and rounding code of @crimestats/domain and @crimestats/stats; the API's answer
// types are erased, so nothing of zod or node reaches the browser.

const CLIENT_DIR = fileURLToPath(new URL('./client/', import.meta.url));

/** The scripts the bundle makes, each from its entry point in client/. */
export const CLIENT_SCRIPTS = {
  'app.js': 'main.ts',
  // The number formats stay a file of their own that app.js imports, as before it was bundled.
  'format.js': 'format.ts',
} as const;

export type ClientScript = keyof typeof CLIENT_SCRIPTS;

/** The client's imports of format.ts are left to the browser, as imports of format.js. */
const formatOnItsOwn: Plugin = {
  name: 'format-on-its-own',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/format\.ts$/ }, (args) =>
      `${args.resolveDir}/` === CLIENT_DIR ? { path: './format.js', external: true } : undefined,
    );
  },
};

async function bundle(): Promise<ReadonlyMap<ClientScript, string>> {
  const result = await build({
    entryPoints: Object.entries(CLIENT_SCRIPTS).map(([out, entry]) => ({
      in: `${CLIENT_DIR}${entry}`,
      out: out.replace(/\.js$/, ''),
    })),
    outdir: CLIENT_DIR,
    plugins: [formatOnItsOwn],
    write: false,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    logLevel: 'silent',
  });
  const scripts = new Map<ClientScript, string>();
  for (const output of result.outputFiles) {
    const name = output.path.slice(CLIENT_DIR.length);
    if (Object.hasOwn(CLIENT_SCRIPTS, name)) scripts.set(name as ClientScript, output.text);
  }
  return scripts;
}

let bundled: Promise<ReadonlyMap<ClientScript, string>> | undefined;

/** The page's scripts, bundled once per process; an error in client/ rejects with esbuild's. */
export function clientScripts(): Promise<ReadonlyMap<ClientScript, string>> {
  bundled ??= bundle();
  return bundled;
}
