// Builds dist/index.js (the action) and dist/cli.js (the CLI): each one self-contained ESM file that runs
// with no node_modules anywhere above it, Lighthouse included.
//
// Lighthouse is written to run from its package folder: it reads files next to its modules at run time
// (package.json, locales, report templates, axe-core and library-detector sources), lists its audit folders
// with readdirSync and loads audits and gatherers with import(). The plugin below does at build time what
// Lighthouse's own build/build-bundle.js does for its browser bundles:
//   1. `import.meta` in Lighthouse files becomes {url: "file:///__lh/<path in the package>"};
//   2. each fs.readFileSync / fs.readdirSync whose path can be computed is evaluated and inlined;
//   3. the /* BUILD_REPLACE_BUNDLED_MODULES */ marker in config-helpers.js becomes a Map of static import()s
//      of every audit and gatherer, so requireWrapper() finds them in the bundle;
//   4. only the en-US locale is kept; @sentry/node (optional, never enabled) is stubbed; ws's optional
//      native add-ons stay external.
// Any expected rewrite that does not happen fails the build, so a Lighthouse upgrade cannot silently
// produce a broken bundle.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import url from 'node:url';
import esbuild from 'esbuild';

const root = path.dirname(path.dirname(url.fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const LH_ROOT = path.dirname(require.resolve('lighthouse/package.json'));
const { Runner } = await import(url.pathToFileURL(path.join(LH_ROOT, 'core/runner.js')).href);

const KEPT_LOCALE = 'en-US';
const LOCALES_DIR = path.join(LH_ROOT, 'shared/localization/locales');

/** Index of the parenthesis closing the one at `open`, skipping strings and template literals. */
function closingParen(code, open) {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const char = code[i];
    if (char === '"' || char === "'" || char === '`') {
      for (i++; i < code.length && code[i] !== char; i++) if (code[i] === '\\') i++;
    } else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Splits call arguments at top-level commas. */
function splitArgs(text) {
  const args = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'" || char === '`') {
      for (i++; i < text.length && text[i] !== char; i++) if (text[i] === '\\') i++;
    } else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last) args.push(last);
  return args;
}

/** Evaluates a path expression as it would evaluate inside `file`; undefined when it cannot. */
function evaluatePath(expression, file) {
  const fileRequire = createRequire(file);
  try {
    const value = new Function(
      'moduleDir',
      'LH_ROOT',
      'path',
      'require',
      '__dirname',
      `return (${expression});`,
    )(path.dirname(file), LH_ROOT, path, fileRequire, path.dirname(file));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Inlines fs.readFileSync(text) and fs.readdirSync(...) calls whose path is computable. */
function inlineFs(code, file, inlined) {
  let out = '';
  let cursor = 0;
  const pattern = /\bfs\.(readFileSync|readdirSync)\(/g;
  for (let match = pattern.exec(code); match; match = pattern.exec(code)) {
    const open = match.index + match[0].length - 1;
    const close = closingParen(code, open);
    if (close < 0) continue;
    const args = splitArgs(code.slice(open + 1, close));
    const target = args[0] && evaluatePath(args[0], file);
    if (!target) continue;
    let replacement;
    if (match[1] === 'readdirSync') {
      let names = readdirSync(target).sort();
      if (path.resolve(target) === LOCALES_DIR)
        names = names.filter((name) => name === `${KEPT_LOCALE}.json`);
      replacement = JSON.stringify(names);
    } else {
      const encoding = args[1];
      if (!encoding || !/utf-?8/i.test(encoding)) continue; // a Buffer read: leave it.
      replacement = JSON.stringify(readFileSync(target, 'utf8'));
    }
    out += code.slice(cursor, match.index) + replacement;
    cursor = close + 1;
    pattern.lastIndex = cursor;
    inlined.push(`${path.relative(LH_ROOT, file)}: ${path.relative(LH_ROOT, target)}`);
  }
  return out + code.slice(cursor);
}

/** Keeps only the en-US messages in shared/localization/locales.js. */
function keepOneLocale(code) {
  const dropped = new Set();
  const kept = code.replace(/^import (\w+) from '\.\/locales\/([\w-]+)\.json'.*$/gm, (line, name, locale) => {
    if (locale === KEPT_LOCALE) return line;
    dropped.add(name);
    return '';
  });
  if (dropped.size === 0) throw new Error('locales.js: no locale imports found to drop');
  return kept.replace(/^\s*'[\w-]+':\s*(\w+),.*$/gm, (line, name) => (dropped.has(name) ? '' : line));
}

function bundledModulesMap() {
  const modules = [
    ...Runner.getGathererList().map((gatherer) => `../gather/gatherers/${gatherer}`),
    ...Runner.getAuditList().map((audit) => `../audits/${audit}`),
  ];
  return `[\n${modules.map((m) => `[${JSON.stringify(m.replace(/\.js$/, ''))}, import(${JSON.stringify(m)})]`).join(',\n')}\n]`;
}

function lighthousePlugin(report) {
  return {
    name: 'bundle-lighthouse',
    setup(build) {
      build.onResolve({ filter: /^@sentry\/node$/ }, (args) => ({ path: args.path, namespace: 'stub' }));
      build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
        contents: 'export default {};',
        loader: 'js',
      }));
      build.onLoad({ filter: /[\\/]node_modules[\\/]lighthouse[\\/].*\.js$/ }, async (args) => {
        const relative = path.relative(LH_ROOT, args.path).split(path.sep).join('/');
        let code = await readFile(args.path, 'utf8');
        if (relative === 'core/config/config-helpers.js') {
          const marker = '/* BUILD_REPLACE_BUNDLED_MODULES */';
          if (!code.includes(marker)) throw new Error('config-helpers.js: bundled-modules marker not found');
          code = code.replace(marker, bundledModulesMap());
          report.markers++;
        }
        if (relative === 'shared/localization/locales.js') code = keepOneLocale(code);
        code = inlineFs(code, args.path, report.inlined);
        code = code.replace(/\bimport\.meta\b/g, `({url: ${JSON.stringify(`file:///__lh/${relative}`)}})`);
        return { contents: code, loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

const ownPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const webVitalsIife = readFileSync(
  path.join(path.dirname(require.resolve('web-vitals/attribution')), 'web-vitals.attribution.iife.js'),
  'utf8',
);

const banner = [
  "import { createRequire as __vgCreateRequire } from 'node:module';",
  "import { fileURLToPath as __vgFileURLToPath } from 'node:url';",
  "import { dirname as __vgDirname } from 'node:path';",
  'const require = __vgCreateRequire(import.meta.url);',
  'const __filename = __vgFileURLToPath(import.meta.url);',
  'const __dirname = __vgDirname(__filename);',
].join('\n');

// `node scripts/build.mjs [OUTDIR]`: dist/ by default; benchmarks build the current source elsewhere.
const outdir = path.resolve(root, process.argv[2] ?? 'dist');
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

for (const [name, entry] of [
  ['index', 'src/index.ts'],
  ['cli', 'src/cli.ts'],
]) {
  const report = { markers: 0, inlined: [] };
  const started = Date.now();
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(outdir, `${name}.js`),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    charset: 'utf8',
    banner: { js: banner }, // esbuild keeps src/cli.ts's hashbang first
    define: {
      __WEB_VITALS_ATTRIBUTION_IIFE__: JSON.stringify(webVitalsIife),
      __VITALS_GATE_VERSION__: JSON.stringify(ownPackage.version),
    },
    external: ['bufferutil', 'utf-8-validate'],
    plugins: [lighthousePlugin(report)],
    logLevel: 'warning',
    metafile: true,
  });
  const must = ['shared/root.js: package.json', 'core/lib/axe.js', 'report/generator/report-assets.js'];
  for (const expected of must) {
    if (!report.inlined.some((line) => line.startsWith(expected))) {
      throw new Error(
        `expected an inlined file read in ${expected}; Lighthouse changed, update scripts/build.mjs`,
      );
    }
  }
  if (report.markers !== 1) throw new Error('the bundled-modules marker was not replaced');
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  console.log(
    `${path.relative(root, outdir) || '.'}/${name}.js: ${(bytes / 1024 / 1024).toFixed(1)} MiB, ${report.inlined.length} file reads inlined, ${Date.now() - started} ms`,
  );
}
writeFileSync(path.join(outdir, 'package.json'), '{\n  "type": "module"\n}\n');
