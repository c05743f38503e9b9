import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BudgetsFile } from '../../src/budgets/Budgets.js';
import { loadBudgets } from '../../src/budgets/loadBudgets.js';
import { resolveBudget } from '../../src/budgets/resolveBudget.js';
import { UserError } from '../../src/errors/UserError.js';

// A corpus of Lighthouse budget.json and LHCI configurations written to the documented formats
// (test/fixtures/lighthouse): each imports to exactly these budgets and warnings, or fails with exactly
// this message. Paths are relative to the corpus folder, as LHCI reads budgetsFile from the working folder.
const CORPUS = new URL('../fixtures/lighthouse/', import.meta.url).pathname;
const load = (name: string) => loadBudgets(name, (path) => readFile(join(CORPUS, path), 'utf8'));

async function errorOf(name: string): Promise<string> {
  try {
    await load(name);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error(`${name} imported without an error`);
}

const EVERY_PAGE_KIB = {
  metrics: { LCP: { max: 2500 }, CLS: { max: 0.1 }, FCP: { max: 1800 }, TBT: { max: 300 } },
  resources: {
    script: { max: 300 },
    image: { max: 500 },
    'third-party': { max: 200, maxRequests: 10 },
    total: { max: 1600, maxRequests: 80 },
  },
};

describe('importing a Lighthouse budget.json', () => {
  it('maps timings, sizes (KiB) and counts per path, keeping "the last matching budget applies"', async () => {
    const budgets = await load('budget.json');
    expect(budgets.source).toBe('budget.json (Lighthouse budget.json, imported)');
    expect(budgets.budgets).toEqual([
      { path: '/**', override: true, ...EVERY_PAGE_KIB },
      { path: '/blog**', override: true, resources: { font: { max: 100 } } },
      {
        path: '/checkout',
        override: true,
        metrics: { LCP: { max: 2000 } },
        resources: { script: { max: 450 } },
      },
      { path: '/product/**.html', override: true, resources: { image: { max: 800 } } },
    ]);
    expect(budgets.warnings).toEqual([
      'budget.json: [0].options.firstPartyHostnames: not used: vitals-gate counts a request as third party by its registrable domain and entity (as for scripts), not by a host list',
      "budget.json: [0].timings[4]: 'interactive' is not mapped: Time to Interactive was removed from Lighthouse 10 scoring and is not measured",
      "budget.json: [0].timings[5]: 'speed-index' is not mapped: Speed Index needs a filmstrip and is not measured",
      "budget.json: [0].timings[6]: 'max-potential-fid' is not mapped: Max Potential FID is not measured (INP over real interactions replaces it)",
    ]);
  });

  it('matches paths as Lighthouse does: prefix, $ end, * across segments, the last match alone', async () => {
    const budgets = await load('budget.json');
    const at = (path: string) => resolveBudget(budgets, `https://shop.example${path}`);
    expect(at('/').resources).toEqual(EVERY_PAGE_KIB.resources);
    // Only the last matching entry applies: the blog budget replaces the every-page one as a whole.
    expect(at('/blog/2026/post').resources).toEqual({ font: { max: 100 } });
    expect(at('/blog/2026/post').metrics).toEqual({});
    expect(at('/checkout').metrics).toEqual({ LCP: { max: 2000 } });
    expect(at('/checkout/pay').metrics).toEqual(EVERY_PAGE_KIB.metrics); // `$`: not a prefix
    expect(at('/product/shoes/red.html').resources).toEqual({ image: { max: 800 } });
    expect(at('/product/shoes/red.htm').resources).toEqual(EVERY_PAGE_KIB.resources);
  });

  it('reads CRLF line ends and no final newline, and warns on the traps (CLS ≥ 1, a size of 0)', async () => {
    const budgets = await load('budget-crlf-no-newline.json');
    expect(budgets.budgets).toEqual([
      {
        path: '/**',
        override: true,
        metrics: { CLS: { max: 10 } },
        resources: { script: { max: 125 }, stylesheet: { max: 0 } },
      },
    ]);
    expect(budgets.warnings).toEqual([
      'budget-crlf-no-newline.json: [0].resourceSizes[1]: a size of 0 KiB fails as soon as one stylesheet byte is loaded; is that meant?',
      'budget-crlf-no-newline.json: [0].timings[0]: CLS is unitless; did you mean 0.1? (budget 10)',
    ]);
  });
});

describe('importing an LHCI configuration', () => {
  it('lighthouserc.json: metrics by maxNumericValue or minScore, resource-summary bytes as KiB, error vs warn', async () => {
    const budgets = await load('lighthouserc.json');
    expect(budgets.budgets).toEqual([
      {
        path: '/**',
        metrics: {
          LCP: { max: 2500 },
          CLS: { warn: 0.1 },
          FCP: { max: 1800 },
          TBT: { warn: 200 },
          TTFB: { max: 600 },
        },
        resources: {
          script: { max: 300, warnRequests: 20 },
          'third-party': { maxRequests: 10 },
          total: { warn: 1600 },
        },
        performanceScore: { min: 90 },
      },
    ]);
    const at = (key: string) => `lighthouserc.json: ci.assert.assertions["${key}"]`;
    expect(budgets.warnings).toEqual([
      'lighthouserc.json: ci.collect: not read: the urls, runs and device inputs say what vitals-gate measures',
      "lighthouserc.json: ci.assert.aggregationMethod: 'optimistic' is not offered: vitals-gate compares the median of the runs",
      `${at('first-contentful-paint')}: minScore 0.9 mapped to FCP ≤ 1800 ms (Lighthouse's mobile scoring curve)`,
      `${at('server-response-time')}: mapped to TTFB, which web-vitals measures from navigation start (Lighthouse's server response time does not include redirects and connection)`,
      `${at('categories:accessibility')}: the accessibility category is not measured (vitals-gate measures performance only)`,
      `${at('speed-index')}: 'speed-index' is not mapped: Speed Index needs a filmstrip and is not measured`,
      "lighthouserc.json: ci.assert.assertions.interactive: 'interactive' is not mapped: Time to Interactive was removed from Lighthouse 10 scoring and is not measured",
      `${at('first-input-delay')}: 'first-input-delay' is not mapped: FID was replaced by INP (give interactions in the budgets file to measure INP)`,
      `${at('uses-text-compression')}: 'uses-text-compression' is an audit vitals-gate does not run; not mapped`,
      `${at('unused-javascript')}: 'unused-javascript' is an audit vitals-gate does not run; not mapped`,
      `${at('first-meaningful-paint')}[1].numericValue: not an assertion option and not mapped (did you mean maxNumericValue?)`,
      `${at('first-meaningful-paint')}: 'first-meaningful-paint' is not mapped: First Meaningful Paint was removed from Lighthouse`,
    ]);
  });

  it('lighthouserc.yml: an assertMatrix becomes one entry per simple URL pattern; a pattern with groups is left out, said', async () => {
    const budgets = await load('lighthouserc.yml');
    expect(budgets.budgets).toEqual([
      { path: '/blog/**', metrics: { LCP: { max: 3000 } }, resources: { image: { max: 500 } } },
      { path: '/', metrics: { LCP: { warn: 2000 }, CLS: { max: 0.05 } } },
    ]);
    expect(budgets.warnings).toEqual([
      'lighthouserc.yml: ci.collect: not read: the urls, runs and device inputs say what vitals-gate measures',
      `lighthouserc.yml: ci.assert.assertMatrix[1].assertions["cumulative-layout-shift"][1].aggregationMethod: 'pessimistic' (the worst run) is not offered: vitals-gate compares the median of the runs`,
      'lighthouserc.yml: ci.assert.assertMatrix[2].matchingUrlPattern: "https?://[^/]+/(en|de)/checkout" is not a simple path pattern (groups, alternatives or classes); this block is not imported: write its path pattern by hand',
    ]);
  });

  it('lighthouserc.yaml (CRLF): a preset maps its Lighthouse metrics; the file’s own assertion replaces the preset’s', async () => {
    const budgets = await load('lighthouserc.yaml');
    expect(budgets.budgets).toEqual([
      {
        path: '/**',
        // CLS and TTFB from the preset (LHCI's default minScore 0.9 through Lighthouse's curves).
        metrics: { FCP: { max: 2000 }, LCP: { warn: 4000 }, CLS: { warn: 0.1 }, TTFB: { warn: 600 } },
        resources: { total: { max: 2667 } },
      },
    ]);
    expect(budgets.warnings).toEqual([
      "lighthouserc.yaml: ci.assert.preset: of 'lighthouse:recommended' only its Lighthouse-metric assertions are mapped (first-contentful-paint, largest-contentful-paint, cumulative-layout-shift, server-response-time, total-byte-weight); its audit-score assertions (accessibility, SEO, best practices, diagnostics) are not run by vitals-gate",
      `lighthouserc.yaml: ci.assert.assertions["largest-contentful-paint"]: minScore 0.5 mapped to LCP ≤ 4000 ms (Lighthouse's mobile scoring curve)`,
    ]);
  });

  it('lighthouserc.js is read as data (comments, quotes, trailing commas, 1e5, 0x2, .85), never run', async () => {
    const budgets = await load('lighthouserc.js');
    expect(budgets.budgets).toEqual([
      {
        path: '/**',
        metrics: { LCP: { max: 2500 }, CLS: { max: 0.1 }, TBT: { warn: 300 } },
        resources: { font: { warn: 100_000 / 1024 }, document: { maxRequests: 2 } },
        performanceScore: { warn: 85 },
      },
    ]);
    expect(budgets.warnings).toEqual([
      'lighthouserc.js: ci.collect: not read: the urls, runs and device inputs say what vitals-gate measures',
    ]);
  });

  it('lighthouserc.cjs with budgetsFile imports that budget.json', async () => {
    const budgets: BudgetsFile = await load('lighthouserc-budgets.cjs');
    expect(budgets.source).toBe(
      'lighthouserc-budgets.cjs → budget-crlf-no-newline.json (Lighthouse budget.json, imported)',
    );
    expect(budgets.budgets).toEqual((await load('budget-crlf-no-newline.json')).budgets);
  });

  it('warns on extends, CLS ≥ 1, a size of 0 and unmapped metrics; .*/shop/.* becomes /shop/**', async () => {
    const budgets = await load('lighthouserc-traps.json');
    expect(budgets.budgets).toEqual([
      { path: '/shop/**', metrics: { CLS: { max: 10 } }, resources: { image: { max: 0 } } },
    ]);
    const at = (key: string) => `lighthouserc-traps.json: ci.assert.assertions["${key}"]`;
    expect(budgets.warnings).toEqual([
      "lighthouserc-traps.json: extends: not followed: copy the extended configuration's assertions into this file",
      `${at('cumulative-layout-shift')}: CLS is unitless; did you mean 0.1? (limit 10)`,
      `${at('resource-summary:image:size')}: a size of 0 fails as soon as one image byte is loaded; is that meant?`,
      `${at('max-potential-fid')}: 'max-potential-fid' is not mapped: Max Potential FID is not measured (INP over real interactions replaces it)`,
    ]);
  });
});

describe('broken files fail with the file, the JSON path and what was expected', () => {
  const budgetJsonMetrics =
    'first-contentful-paint, interactive, first-meaningful-paint, max-potential-fid, total-blocking-time, speed-index, largest-contentful-paint, cumulative-layout-shift';
  const types = 'document, script, stylesheet, image, font, media, other, third-party, total';
  const notRun =
    'vitals-gate reads a lighthouserc.js as data and never runs it: write the values literally (or use lighthouserc.json).';
  it.each([
    [
      'broken/unknown-metric.budget.json',
      `Budgets file 'broken/unknown-metric.budget.json' (a Lighthouse budget.json) is invalid:\n  - [0].timings[0].metric: unknown metric "first-input-delay"; expected one of: ${budgetJsonMetrics}`,
    ],
    [
      'broken/extra-keys.budget.json',
      [
        "Budgets file 'broken/extra-keys.budget.json' (a Lighthouse budget.json) is invalid:",
        "  - [0]: unknown property 'resourceSize'; expected one of: path, options, resourceSizes, resourceCounts, timings",
        "  - [0].options: unknown property 'thirdPartyHostnames'; expected one of: firstPartyHostnames",
        "  - [0].timings[0]: unknown property 'tolerance'; expected one of: metric, budget",
      ].join('\n'),
    ],
    [
      'broken/string-numbers.budget.json',
      [
        "Budgets file 'broken/string-numbers.budget.json' (a Lighthouse budget.json) is invalid:",
        '  - [0].resourceSizes[0].budget: expected a number >= 0, got the string "300"',
        `  - [0].resourceCounts[1].resourceType: unknown resource type "scripts"; expected one of: ${types}`,
        '  - [0].resourceCounts[0].budget: expected a whole number of requests, got 12.5',
        '  - [0].timings[0].budget: expected a number >= 0, got the string "2.5s"',
      ].join('\n'),
    ],
    [
      'broken/paths.budget.json',
      [
        "Budgets file 'broken/paths.budget.json' (a Lighthouse budget.json) is invalid:",
        '  - [0].path: expected a path starting with /',
        '  - [1].path: expected at most one * (Lighthouse allows one)',
        '  - [2].path: expected $ only at the end',
        '  - [3]: expected a budget object {path, resourceSizes, resourceCounts, timings}',
        "  - [4].resourceSizes[1].resourceType: 'script' is given twice in [4].resourceSizes",
      ].join('\n'),
    ],
    [
      'broken/top-level.json',
      `Budgets file 'broken/top-level.json' is not a budgets file: expected vitals-gate's {"budgets": [...]}, a Lighthouse budget.json (an array of {path, resourceSizes, resourceCounts, timings}) or an LHCI config ({"ci": {"assert": ...}}).`,
    ],
    [
      'broken/no-assert.lighthouserc.json',
      [
        "Budgets file 'broken/no-assert.lighthouserc.json' (an LHCI config) is invalid:",
        "  - ci: unknown property 'assertions'; expected one of: collect, assert, upload, server, wizard",
        '  - ci.assert: expected an object with assertions, assertMatrix, preset or budgetsFile',
      ].join('\n'),
    ],
    [
      'broken/options.lighthouserc.json',
      [
        "Budgets file 'broken/options.lighthouserc.json' (an LHCI config) is invalid:",
        '  - ci.assert.assertions["largest-contentful-paint"][1].maxNumericValue: expected a number >= 0, got the string "2500"',
        '  - ci.assert.assertions["cumulative-layout-shift"]: expected "off", "warn", "error" or [level, {options}], got the string "fatal"',
        `  - ci.assert.assertions["total-blocking-time"][1].max: unknown assertion option 'max'; expected one of: minScore, maxLength, maxNumericValue, aggregationMethod`,
        '  - ci.assert.assertions["categories:performance"][1].minScore: expected a score from 0 to 1, got 90',
        `  - ci.assert.assertions["resource-summary:scripts:size"]: expected resource-summary:<type>:size or :count with a type among ${types}`,
      ].join('\n'),
    ],
    [
      'broken/budgets-file-combined.lighthouserc.json',
      "Budgets file 'broken/budgets-file-combined.lighthouserc.json' (an LHCI config) is invalid:\n  - ci.assert.budgetsFile: cannot be combined with assertions (LHCI refuses it too)",
    ],
    [
      'broken/duplicate-keys.json',
      `Budgets file 'broken/duplicate-keys.json' at line 6, column 9: duplicate key 'largest-contentful-paint' (ci.assert.assertions["largest-contentful-paint"]); only one may be given.`,
    ],
    [
      'broken/duplicate-keys.js',
      `Budgets file 'broken/duplicate-keys.js' at line 6, column 9: duplicate key 'cumulative-layout-shift' (ci.assert.assertions["cumulative-layout-shift"]); only one may be given.`,
    ],
    [
      'broken/duplicate-keys.yml',
      "Budgets file 'broken/duplicate-keys.yml' is not valid YAML at line 5, column 7: a key is given twice in one mapping",
    ],
    [
      'broken/code.js',
      `Budgets file 'broken/code.js' at line 1, column 1: expected 'module.exports = {' or 'export default {', found 'const base = require'. ${notRun}`,
    ],
    [
      'broken/spread.cjs',
      `Budgets file 'broken/spread.cjs' at line 2, column 33: expected a key (spreads are not read), found '...shared, 'largest-'. ${notRun}`,
    ],
    [
      'broken/trailing-comma-crlf.json',
      'Budgets file \'broken/trailing-comma-crlf.json\' is not valid JSON at line 6, column 7: expected a property name in double quotes, found "}".',
    ],
  ])('%s', async (name, message) => {
    expect(await errorOf(name)).toBe(message);
  });

  it('a budgetsFile that does not exist names the file and the input', async () => {
    const message = await errorOf('broken/missing-budgets-file.lighthouserc.json');
    expect(message).toMatch(
      /^Cannot read the budgets file 'no-such-budget.json' \(input 'budgets'\): no such file\./,
    );
  });
});
