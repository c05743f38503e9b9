// Bundles a benchmark (dependencies stay in node_modules) and runs it:
// `npm run bench -- [K_AA K_20 K_10 K_INP]` (bench/abBench.ts), `npm run bench -- lcp [RUNS]` (bench/lcpGlitch.ts),
// `npm run bench -- accuracy [RUNS]` (bench/accuracy.ts), `npm run bench -- thirdparty [RUNS]` (bench/thirdParty.ts),
// `npm run bench -- inputs [ENTRIES]` (bench/inputsBench.ts), `npm run bench -- scale [RUNS]` (bench/scale.ts).
// `npm run bench -- speed [PAIRS] [RUNS] [URLS] [--no-lhci]` (bench/speed.ts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import url from 'node:url';
import esbuild from 'esbuild';

const root = path.dirname(path.dirname(url.fileURLToPath(import.meta.url)));
// `npm run bench -- <name> [args]`: the first argument picks the benchmark file; no known name runs abBench.
const BENCHES = {
  lcp: 'lcpGlitch',
  accuracy: 'accuracy',
  thirdparty: 'thirdParty',
  inputs: 'inputsBench',
  scale: 'scale',
  speed: 'speed',
};
const [first, ...rest] = process.argv.slice(2);
const name = BENCHES[first] ?? 'abBench';
const args = first in BENCHES ? rest : process.argv.slice(2);
const outfile = path.join(root, 'bench', '.build', `${name}.mjs`);
await esbuild.build({
  entryPoints: [path.join(root, 'bench', `${name}.ts`)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Dependencies stay in node_modules, except third-party-web: its CommonJS exports are not visible to
  // Node's named ESM imports (classifyParty imports getEntity by name), so it is bundled as the dist is.
  plugins: [
    {
      name: 'external-packages',
      setup(build) {
        build.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('third-party-web') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
