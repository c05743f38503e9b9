import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BudgetsFile } from '../../src/budgets/Budgets.js';
import { defaultBudgets } from '../../src/budgets/defaultBudgets.js';
import { loadBudgets, parseBudgets, toJsonPath } from '../../src/budgets/loadBudgets.js';
import { matchPath } from '../../src/budgets/matchPath.js';
import { resolveBudget } from '../../src/budgets/resolveBudget.js';
import { UserError } from '../../src/errors/UserError.js';

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected an error');
}

describe('parseBudgets', () => {
  it('accepts the example budgets file', () => {
    const text = readFileSync(new URL('../../examples/budgets.json', import.meta.url), 'utf8');
    const budgets = parseBudgets(text, 'examples/budgets.json');
    expect(budgets.budgets.map((b) => b.path)).toEqual(['/**', '/product/*']);
    expect(budgets.budgets[1]?.metrics?.LCP?.subparts?.resourceLoadDuration).toEqual({ max: 1500 });
  });

  it('names the file, line and column of a JSON syntax error', () => {
    const error = errorOf(() =>
      parseBudgets('{\n  "budgets": [\n    { "path": "/", }\n  ]\n}', 'perf/b.json'),
    );
    expect(error.message).toMatch(/^Budgets file 'perf\/b.json' is not valid JSON at line 3, column \d+/);
  });

  it('names the JSON path and the expected properties for an unknown metric', () => {
    const error = errorOf(() =>
      parseBudgets('{"budgets":[{"path":"/","metrics":{"LPC":{"max":1}}}]}', 'b.json'),
    );
    expect(error.message).toContain("Budgets file 'b.json' is invalid");
    expect(error.message).toContain(
      "budgets[0].metrics: unknown property 'LPC'; expected one of: LCP, INP, CLS, FCP, TTFB, TBT",
    );
  });

  it('lists every problem, each with its path and what was expected', () => {
    const text = JSON.stringify({
      budgets: [
        { path: 'checkout', metrics: { LCP: { max: '2500' } } },
        { metrics: { CLS: {} } },
        { path: '/', metrics: { LCP: { subparts: { resourceLoadDelay: { max: -1 } } } } },
      ],
    });
    const message = errorOf(() => parseBudgets(text, 'b.json')).message;
    expect(message).toContain("budgets[0].path: got 'checkout'; expected a path pattern starting with /");
    expect(message).toContain('budgets[0].metrics.LCP.max: expected number');
    expect(message).toContain("budgets[1]: missing property 'path'");
    expect(message).toContain('budgets[1].metrics.CLS: expected at least one of max or warn');
    expect(message).toContain(
      'budgets[2].metrics.LCP.subparts.resourceLoadDelay.max: expected a number >= 0',
    );
    expect(message).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('rejects warn above max, which the schema cannot say', () => {
    const text = '{"budgets":[{"path":"/","metrics":{"LCP":{"max":2000,"warn":3000}}}]}';
    expect(errorOf(() => parseBudgets(text, 'b.json')).message).toContain(
      'budgets[0].metrics.LCP: warn (3000) must not be greater than max (2000)',
    );
  });

  it('rejects a document without budgets', () => {
    expect(errorOf(() => parseBudgets('[]', 'b.json')).message).toContain('(root): expected object');
  });

  it('accepts interactions and INP budgets on subparts and third-party script time', () => {
    const text = JSON.stringify({
      budgets: [
        {
          path: '/product/*',
          interactions: [
            { click: '#add-to-cart' },
            { type: '#q', text: 'shoes', timeout: 2000 },
            { press: 'Enter' },
            { wait: '#results' },
            { scroll: 600 },
            { hover: 'nav' },
            { tap: '#menu' },
            { wait: 300 },
          ],
          metrics: {
            INP: {
              max: 200,
              subparts: { processingDuration: { max: 100 } },
              thirdPartyScripts: { warn: 50 },
            },
          },
        },
      ],
    });
    const entry = parseBudgets(text, 'b.json').budgets[0];
    expect(entry?.interactions).toHaveLength(8);
    expect(entry?.metrics?.INP?.thirdPartyScripts).toEqual({ warn: 50 });
  });

  it.each([
    [[{ click: '#a', tap: '#b' }], 'budgets[0].interactions[0]: expected exactly one action'],
    [[{ text: 'x' }], 'budgets[0].interactions[0]: expected exactly one action'],
    [[{ click: '#a', text: 'x' }], "budgets[0].interactions[0]: 'text' goes with a 'type' step"],
    [[{ type: '#q' }], 'budgets[0].interactions[0]: expected exactly one action'],
    [
      [{ click: '' }],
      'budgets[0].interactions[0].click: expected a non-empty string (a CSS selector or key name)',
    ],
    [
      [{ jump: '#a' }],
      "budgets[0].interactions[0]: unknown property 'jump'; expected one of: click, tap, type, text",
    ],
  ])('explains a malformed interaction step %j', (steps, message) => {
    const text = JSON.stringify({ budgets: [{ path: '/', interactions: steps }] });
    const error = errorOf(() => parseBudgets(text, 'b.json'));
    expect(error.message).toContain(message);
    expect(error.message).not.toContain("missing property 'click'");
  });

  it('turns JSON pointers into readable paths', () => {
    expect(toJsonPath('')).toBe('(root)');
    expect(toJsonPath('/budgets/0/metrics/LCP')).toBe('budgets[0].metrics.LCP');
  });
});

describe('loadBudgets', () => {
  it('explains a missing file, naming the input', async () => {
    const missing = Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    await expect(
      loadBudgets('perf/nope.json', async () => {
        throw missing;
      }),
    ).rejects.toThrow("Cannot read the budgets file 'perf/nope.json' (input 'budgets'): no such file.");
  });
});

describe('matchPath', () => {
  it.each([
    ['/', 'https://x.example/', true],
    ['/', 'https://x.example/a', false],
    ['/product/*', 'https://x.example/product/42?ref=ci', true],
    ['/product/*', 'https://x.example/product/42/reviews', false],
    ['/blog/**', 'https://x.example/blog', true],
    ['/blog/**', 'https://x.example/blog/2026/11/post', true],
    ['/blog/**', 'https://x.example/blogging', false],
    ['/**', 'https://x.example/anything/at/all', true],
    ['/about', 'https://x.example/about/', true],
    ['/a.b', 'https://x.example/aXb', false],
  ])('%s matches %s: %s', (pattern, url, expected) => {
    expect(matchPath(pattern, url)).toBe(expected);
  });
});

describe('resolveBudget', () => {
  const budgets: BudgetsFile = {
    source: 'b.json',
    budgets: [
      {
        path: '/**',
        metrics: { LCP: { max: 2500, warn: 2000, subparts: { resourceLoadDelay: { max: 300 } } } },
      },
      { path: '/checkout', metrics: { LCP: { max: 4000, subparts: { elementRenderDelay: { warn: 100 } } } } },
    ],
  };

  it('applies matching entries in file order; a later max/warn pair replaces the earlier one', () => {
    const resolved = resolveBudget(budgets, 'https://x.example/checkout');
    expect(resolved.matched).toEqual(['/**', '/checkout']);
    expect(resolved.metrics.LCP).toEqual({
      max: 4000,
      subparts: { resourceLoadDelay: { max: 300 }, elementRenderDelay: { warn: 100 } },
    });
  });

  it('takes interactions from the last matching entry that declares them, and merges thirdPartyScripts', () => {
    const withSteps: BudgetsFile = {
      source: 'b.json',
      budgets: [
        {
          path: '/**',
          interactions: [{ click: '#menu' }],
          metrics: { INP: { max: 500, thirdPartyScripts: { max: 100 } } },
        },
        { path: '/product/*', interactions: [{ click: '#buy' }], metrics: { INP: { max: 200 } } },
        { path: '/product/*', metrics: { CLS: { max: 0.1 } } },
      ],
    };
    const product = resolveBudget(withSteps, 'https://x.example/product/1');
    expect(product.interactions).toEqual([{ click: '#buy' }]);
    expect(product.metrics.INP).toEqual({ max: 200, thirdPartyScripts: { max: 100 } });
    expect(resolveBudget(withSteps, 'https://x.example/').interactions).toEqual([{ click: '#menu' }]);
  });

  it('keeps only the general entry elsewhere', () => {
    const resolved = resolveBudget(budgets, 'https://x.example/');
    expect(resolved.matched).toEqual(['/**']);
    expect(resolved.metrics.LCP?.max).toBe(2500);
  });

  it('defaults to the web-vitals thresholds: needs improvement warns, poor fails', () => {
    const resolved = resolveBudget(defaultBudgets(), 'https://x.example/any');
    expect(resolved.metrics.LCP).toEqual({ max: 4000, warn: 2500 });
    expect(resolved.metrics.CLS).toEqual({ max: 0.25, warn: 0.1 });
    expect(resolved.metrics.INP).toEqual({ max: 500, warn: 200 });
  });
});
