// Bundles bench/abBench.ts (dependencies stay in node_modules) and runs it: `npm run bench -- [K_AA K_20 K_10 K_INP]`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import url from 'node:url';
import esbuild from 'esbuild';

const root = path.dirname(path.dirname(url.fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'bench', '.build', 'abBench.mjs');
await esbuild.build({
  entryPoints: [path.join(root, 'bench', 'abBench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
