import { describe, expect, it } from 'vitest';
import { aggregateRuns as summarize } from '../../src/aggregate/aggregateRuns.js';
import { fileKey } from '../../src/aggregate/fileKey.js';
import { summarizeResources } from '../../src/aggregate/summarizeResources.js';
import { parseBudgets } from '../../src/budgets/loadBudgets.js';
import { resolveBudget } from '../../src/budgets/resolveBudget.js';
import type { RunMeasurement } from '../../src/collect/RunMeasurement.js';
import type { NetworkRequest } from '../../src/collect/recordNetwork.js';
import { resourceTypeOf } from '../../src/collect/recordNetwork.js';
import { UserError } from '../../src/errors/UserError.js';
import { budgetAnnotations } from '../../src/publish/budgetAnnotations.js';
import { describeResourceCheck } from '../../src/report/describeResourceCheck.js';
import { renderComment } from '../../src/report/renderComment.js';
import { renderReport } from '../../src/report/renderReport.js';
import { resourcesSection } from '../../src/report/resourcesSection.js';
import { verdictForUrl } from '../../src/verdict/computeVerdict.js';
import { gateResults, run, urlResult } from '../helpers/fixtures.js';

const KiB = 1024;
const request = (url: string, type: NetworkRequest['type'], transferBytes: number): NetworkRequest => ({
  url,
  type,
  transferBytes,
  resourceBytes: transferBytes,
  status: 200,
});

/** A run of shop.example: a document, an app script of `appKiB`, a hero image, a third-party tag. */
function weighed(index: number, appKiB: number, extra: NetworkRequest[] = []): RunMeasurement {
  return run(index, 2000, {
    network: {
      requests: [
        request('https://shop.example/', 'document', 20 * KiB),
        request(`https://shop.example/assets/app.${index}f3e2d1c0.js`, 'script', appKiB * KiB),
        request('https://shop.example/hero.jpg', 'image', 100 * KiB),
        request('https://www.googletagmanager.com/gtm.js?id=GTM-1', 'script', 90 * KiB),
        ...extra,
      ],
    },
  });
}

describe('summarizeResources', () => {
  it('takes per category the median over the runs of bytes and requests; third party and total too', () => {
    const runs = [
      weighed(0, 100),
      weighed(1, 300),
      weighed(2, 200, [request('https://shop.example/a.css', 'stylesheet', 5 * KiB)]),
    ];
    const resources = summarizeResources(runs);
    expect(resources?.runs).toBe(3);
    expect(resources?.categories.script).toEqual({
      transferBytes: 290 * KiB,
      resourceBytes: 290 * KiB,
      requests: 2,
    });
    expect(resources?.categories['third-party']).toEqual({
      transferBytes: 90 * KiB,
      resourceBytes: 90 * KiB,
      requests: 1,
    });
    expect(resources?.categories.total.transferBytes).toBe(415 * KiB); // of 310, 510 and 415
    expect(resources?.categories.total.requests).toBe(4);
    expect(resources?.categories.stylesheet).toEqual({ transferBytes: 0, resourceBytes: 0, requests: 0 });
    // The app script is one file over the runs although its build hash changed.
    expect(resources?.files.map((file) => [file.key, file.transferBytes, file.runs])).toEqual([
      ['/assets/app.js', 200 * KiB, 3],
      ['/hero.jpg', 100 * KiB, 3],
      ['www.googletagmanager.com/gtm.js', 90 * KiB, 3],
      ['/', 20 * KiB, 3],
      ['/a.css', 0, 1],
    ]);
  });

  it('is undefined without network logs, and ignores runs the page answered with an error status', () => {
    expect(summarizeResources([run(0, 2000)])).toBeUndefined();
    const failed = { ...weighed(1, 900), status: 503, error: 'the page answered HTTP 503' };
    expect(summarizeResources([weighed(0, 100), failed])?.runs).toBe(1);
  });
});

describe('fileKey and resource types', () => {
  it('drops build hashes and the query; keeps versions; names the host of other origins', () => {
    const page = 'https://shop.example/p';
    expect(fileKey('https://shop.example/assets/vendor.a1b2c3d4.js', page)).toBe('/assets/vendor.js');
    expect(fileKey('https://shop.example/assets/index-BzT3kJ5a.js?v=2', page)).toBe('/assets/index.js');
    expect(fileKey('https://cdn.example/jquery-3.7.1.min.js', page)).toBe('cdn.example/jquery-3.7.1.min.js');
    expect(fileKey('https://shop.example/chunk-vendors.js', page)).toBe('/chunk-vendors.js');
  });

  it('maps DevTools resource types as Lighthouse does', () => {
    expect(
      ['Document', 'Script', 'Stylesheet', 'Image', 'Font', 'Media', 'XHR', 'Fetch', undefined].map(
        resourceTypeOf,
      ),
    ).toEqual(['document', 'script', 'stylesheet', 'image', 'font', 'media', 'other', 'other', 'other']);
  });
});

describe('resource budgets', () => {
  const budgets = parseBudgets(
    JSON.stringify({
      budgets: [
        { path: '/**', resources: { script: { max: 250, warn: 200 }, total: { max: 1000, maxRequests: 3 } } },
        { path: '/checkout', resources: { script: { max: 400 } }, performanceScore: { min: 90, warn: 95 } },
      ],
    }),
    'b.json',
  );

  it('compares median KiB on the wire (1 KiB = 1024 bytes) and requests; equal to the limit is not above it', () => {
    const budget = resolveBudget(budgets, 'https://shop.example/');
    const atLimit = [weighed(0, 160)]; // script 160 + 90 = 250 KiB exactly
    expect(verdictForUrl('u', summarize(atLimit), budget, undefined).resources).toEqual([
      {
        category: 'script',
        measure: 'bytes',
        value: 250 * KiB,
        threshold: { max: 250 * KiB, warn: 200 * KiB },
        status: 'warn',
      },
      {
        category: 'total',
        measure: 'bytes',
        value: 370 * KiB,
        threshold: { max: 1000 * KiB },
        status: 'pass',
      },
      { category: 'total', measure: 'requests', value: 4, threshold: { max: 3 }, status: 'fail' },
    ]);
    const oneByteMore = [weighed(0, 160, [request('https://shop.example/x.js', 'script', 1)])];
    const over = verdictForUrl('u', summarize(oneByteMore), budget, undefined);
    expect(over.resources?.[0]).toMatchObject({ value: 250 * KiB + 1, status: 'fail' });
    expect(over.status).toBe('fail');
  });

  it('lets a later entry replace a category; the score budget is checked on the Lighthouse score', () => {
    const budget = resolveBudget(budgets, 'https://shop.example/checkout');
    expect(budget.resources?.script).toEqual({ max: 400 });
    expect(budget.resources?.total).toEqual({ max: 1000, maxRequests: 3 });
    const aggregate = { ...summarize([weighed(0, 100)]), performanceScore: 92 };
    expect(verdictForUrl('u', aggregate, budget, undefined).score).toEqual({
      value: 92,
      limits: { min: 90, warn: 95 },
      status: 'warn',
    });
    expect(verdictForUrl('u', summarize([weighed(0, 100)]), budget, undefined).score?.status).toBe(
      'not-measured',
    );
  });

  it('rejects bad resource budgets with the JSON path and what was expected', () => {
    const bad = JSON.stringify({
      budgets: [
        {
          path: '/',
          resources: {
            scripts: { max: 1 },
            image: {},
            font: { max: 10, warn: 20 },
            total: { maxRequests: 1.5 },
            media: { maxRequests: 2, warnRequests: 3 },
          },
          performanceScore: { min: 120 },
        },
      ],
    });
    let message = '';
    try {
      parseBudgets(bad, 'b.json');
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      message = (error as Error).message;
    }
    expect(message).toContain(
      "budgets[0].resources: unknown property 'scripts'; expected one of: document, script, stylesheet, image, font, media, other, third-party, total",
    );
    expect(message).toContain(
      'budgets[0].resources.image: expected at least one of max, warn, maxRequests or warnRequests',
    );
    expect(message).toContain('budgets[0].resources.total.maxRequests: expected integer');
    expect(message).toContain('budgets[0].performanceScore.min: expected a number <= 100');
    const order = JSON.stringify({
      budgets: [
        { path: '/', resources: { font: { max: 10, warn: 20 }, media: { maxRequests: 2, warnRequests: 3 } } },
      ],
    });
    try {
      parseBudgets(order, 'b.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('budgets[0].resources.font: warn (20) must not be greater than max (10)');
    expect(message).toContain(
      'budgets[0].resources.media: warnRequests (3) must not be greater than maxRequests (2)',
    );
  });
});

describe('the resources section of the report', () => {
  const budgets = parseBudgets(
    JSON.stringify({
      budgets: [
        { path: '/**', resources: { script: { max: 300, warn: 250 }, 'third-party': { maxRequests: 10 } } },
      ],
    }),
    'b.json',
  );
  const candidateRuns = [weighed(0, 148), weighed(1, 150), weighed(2, 152)];
  const baselineRuns = [0, 1, 2].map((index) => {
    const runOf = weighed(index, 100);
    const requests = (runOf.network?.requests ?? []).map((r) => ({
      ...r,
      url: r.url.replace('shop.example', 'base.example'),
    }));
    return { ...runOf, url: 'https://base.example/', network: { requests } };
  });

  it('shows KiB on every line, the budget and status, the largest files, escaped', () => {
    const hostile = weighed(3, 150, [request('https://shop.example/x|`y`<b>.js', 'script', 1)]);
    const result = urlResult('https://shop.example/', [...candidateRuns, hostile], budgets);
    const text = resourcesSection(result).join('\n');
    expect(text).toMatchSnapshot();
    expect(text).toContain('KiB on the wire, 1 KiB = 1024 bytes, headers included');
    expect(text).toContain(
      '| script      |        240 KiB |       240 KiB |        2 | ≤ 300 KiB, warn > 250 KiB | ✅ pass',
    );
    expect(text).toContain('| third-party |         90 KiB |        90 KiB |        1 | ≤ 10 requests');
    expect(text).toContain('**Largest files:** `https://shop.example/assets/app.3f3e2d1c0.js` 150 KiB');
    for (const line of text
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Resources') && !l.startsWith('| :')))
      expect(line).toMatch(/KiB/);
  });

  it('against a baseline, names the change per type and the file behind it (build hashes ignored)', () => {
    const result = urlResult('https://shop.example/', candidateRuns, budgets);
    const aggregate = summarize(baselineRuns);
    result.baseline = {
      url: 'https://base.example/',
      runs: baselineRuns,
      aggregate,
      pairs: 3,
      comparisons: [],
    };
    const text = resourcesSection(result).join('\n');
    expect(text).toMatchSnapshot();
    expect(text).toContain(
      '**Bytes vs baseline:** script +50 KiB (+26 %), from `https://shop.example/assets/app.2f3e2d1c0.js` +50 KiB',
    );
    expect(text).toContain('| script      |        240 KiB |       240 KiB |        2 |   +50 KiB (+26 %) |');
  });
});

describe('describeResourceCheck', () => {
  it('says the bytes when the KiB would read the same on both sides', () => {
    const check = {
      category: 'script',
      measure: 'bytes',
      threshold: { max: 200 * KiB },
      status: 'fail',
    } as const;
    expect(describeResourceCheck({ ...check, value: 200 * KiB + 1 })).toBe(
      'script 200 KiB (204,801 bytes) > 200 KiB (204,800 bytes)',
    );
    expect(describeResourceCheck({ ...check, value: 210 * KiB })).toBe('script 210 KiB > 200 KiB');
    expect(
      describeResourceCheck({
        category: 'third-party',
        measure: 'requests',
        value: 12,
        threshold: { max: 10, warn: 8 },
        status: 'warn',
      }),
    ).toBe('third-party 12 requests > 8');
  });
});

describe('resource checks beyond the report', () => {
  it('become annotations and show in the comment fold', () => {
    const budgets = parseBudgets(
      JSON.stringify({
        budgets: [{ path: '/**', resources: { script: { max: 200 }, total: { warnRequests: 3 } } }],
      }),
      'b.json',
    );
    const results = gateResults([urlResult('https://shop.example/', [weighed(0, 150)], budgets)]);
    expect(budgetAnnotations(results, 'vitals')).toEqual([
      {
        level: 'failure',
        title: 'vitals: script bytes over budget on /',
        message: '/: script 240 KiB > 200 KiB',
      },
      {
        level: 'warning',
        title: 'vitals: total requests over its warning threshold on /',
        message: '/: total 4 requests > 3',
      },
    ]);
    const comment = renderComment(results, { name: 'vitals', links: {} });
    expect(comment).toContain('- ❌ script 240 KiB > 200 KiB');
    expect(comment).toContain('| script      |        240 KiB |');
  });
});

describe('the performance score budget in the report', () => {
  const budgets = parseBudgets(
    JSON.stringify({ budgets: [{ path: '/**', performanceScore: { min: 90, warn: 95 } }] }),
    'b.json',
  );

  it('shows the budget and status beside the score, and says when the score was not measured', () => {
    const runs = [weighed(0, 100)];
    const lighthouse = { performanceScore: 82, lighthouseVersion: '13.5.0' };
    const aggregate = summarize(runs, lighthouse);
    const budget = resolveBudget(budgets, 'https://shop.example/');
    const measured = {
      ...urlResult('https://shop.example/', runs, budgets),
      lighthouse,
      aggregate,
      verdict: verdictForUrl('https://shop.example/', aggregate, budget, undefined),
    };
    const report = renderReport(gateResults([measured]));
    expect(report).toContain('performance score 82 (budget ≥ 90, warn below 95: ❌ fail)');
    expect(report).toContain('❌ Lighthouse performance score 82 < 90');
    const off = renderReport(gateResults([urlResult('https://shop.example/', runs, budgets)]));
    expect(off).toContain(
      '**Lighthouse performance score:** not measured (the Lighthouse navigation is off: `lighthouse: false`)',
    );
  });
});
