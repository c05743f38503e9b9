import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The CLI bundled from the current source (dist/ may be stale), below node_modules so that Lighthouse and
 * puppeteer resolve as packages. Returns the bundle's path and a function that removes it.
 */
export async function cliFromSource(tag: string): Promise<{ cli: string; remove: () => Promise<void> }> {
  const dir = join(root, 'node_modules', '.cache', `vitals-gate-${tag}-${process.pid}`);
  const cli = join(dir, 'cli.mjs');
  await esbuild.build({
    entryPoints: [join(root, 'src', 'cli.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // third-party-web is CommonJS without named ESM exports, so it is bundled; Lighthouse stays a package.
    external: ['lighthouse', 'lighthouse/*', 'puppeteer-core', '@actions/*'],
    define: { __VITALS_GATE_VERSION__: `"0.0.0-${tag}"` },
    // Bundled CommonJS dependencies require Node built-ins: give the ESM bundle a require.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return { cli, remove: () => rm(dir, { recursive: true, force: true }) };
}
