import { describe, expect, it } from 'vitest';
import type { Measurer } from '../../src/collect/Measurer.js';
import type { GateDeps } from '../../src/gate/runGate.js';
import { runGate } from '../../src/gate/runGate.js';
import { urlBoundMs } from '../../src/gate/urlBoundMs.js';
import type { Logger } from '../../src/log/Logger.js';
import { run, SETTINGS } from '../helpers/fixtures.js';

const silent: Logger = { info: () => {}, warning: () => {}, debug: () => {}, group: (_name, fn) => fn() };

/** Node's fetch when nothing listens: a TypeError whose cause names the refused connection. */
const refusingFetch = async (url: string) => {
  const { host } = new URL(url);
  throw new TypeError('fetch failed', { cause: new Error(`connect ECONNREFUSED ${host}`) });
};

function memoryDeps(measurer: Measurer, files: Map<string, string>, budgetsText?: string) {
  const launched: string[] = [];
  const deps: GateDeps = {
    log: silent,
    readText: async (path) => {
      if (budgetsText === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return budgetsText ?? path;
    },
    files: { mkdir: async () => {}, writeFile: async (path, content) => void files.set(path, content) },
    launchMeasurer: async () => {
      launched.push('chrome');
      return measurer;
    },
    now: () => new Date('2026-11-22T10:00:00Z'),
    probe: async () => ({ status: 200 }),
    sleep: async () => {},
    fetch: refusingFetch,
    toolVersion: '0.0.0-test',
  };
  return { deps, launched };
}

function fakeMeasurer(lcpByUrl: Record<string, number>, closed: string[] = []): Measurer {
  return {
    browserVersion: 'FakeChrome/1',
    measure: async (url, index) => ({ ...run(index, lcpByUrl[url] ?? 1000), url }),
    lighthouse: async () => ({ summary: { tbt: 80, performanceScore: 97 }, html: '<html>report</html>' }),
    close: async () => void closed.push('closed'),
  };
}

describe('runGate', () => {
  it('measures every URL, decides, and writes results.json, report.md and Lighthouse reports', async () => {
    const files = new Map<string, string>();
    const closed: string[] = [];
    const measurer = fakeMeasurer(
      { 'https://shop.example/': 1200, 'https://shop.example/product/1': 3000 },
      closed,
    );
    const budgets = '{"budgets":[{"path":"/**","metrics":{"LCP":{"max":2500},"TBT":{"max":50}}}]}';
    const { deps } = memoryDeps(measurer, files, budgets);
    const outcome = await runGate({ ...SETTINGS, budgetsPath: 'b.json', lighthouse: true }, deps);

    expect(outcome.results.verdict.status).toBe('fail');
    expect(outcome.results.urls.map((u) => u.verdict.status)).toEqual(['fail', 'fail']);
    expect(outcome.results.urls[0]?.runs).toHaveLength(3);
    expect(outcome.results.urls[0]?.aggregate.metrics.TBT?.median).toBe(80);
    expect(closed).toEqual(['closed']);
    expect([...files.keys()].sort()).toEqual([
      'out/lighthouse-1-root.html',
      'out/lighthouse-2-product-1.html',
      'out/report.md',
      'out/results.json',
    ]);
    const written = JSON.parse(files.get('out/results.json') ?? '{}');
    expect(written.verdict.status).toBe('fail');
    expect(written.urls[1].lighthouse.reportFile).toBe('lighthouse-2-product-1.html');
    expect(files.get('out/report.md')).toBe(outcome.markdown);
  });

  it('tells the browser which pages the next steps need, so it opens them while nothing is measured', async () => {
    const calls: string[] = [];
    const measurer: Measurer = {
      ...fakeMeasurer({}),
      measure: async (url, index, _plan, ahead) => {
        calls.push(`${new URL(url).pathname} ${index} run:${ahead?.run} lighthouse:${ahead?.lighthouse}`);
        return { ...run(index, 1000), url };
      },
      lighthouse: async (url) => {
        calls.push(`${new URL(url).pathname} lighthouse`);
        return { summary: { tbt: 80 } };
      },
    };
    const { deps } = memoryDeps(measurer, new Map());
    const urls = ['https://shop.example/', 'https://shop.example/product/1'];
    await runGate({ ...SETTINGS, urls, runs: 3, lighthouse: true }, deps);
    expect(calls).toEqual([
      '/ 0 run:true lighthouse:false',
      '/ 1 run:true lighthouse:true',
      '/ 2 run:true lighthouse:true',
      '/ lighthouse',
      '/product/1 0 run:true lighthouse:false',
      '/product/1 1 run:true lighthouse:true',
      '/product/1 2 run:false lighthouse:true',
      '/product/1 lighthouse',
    ]);
  });

  it('rejects an invalid budgets file before starting Chrome', async () => {
    const { deps, launched } = memoryDeps(fakeMeasurer({}), new Map(), '{"budgets": [{"path": 1}]}');
    await expect(runGate({ ...SETTINGS, budgetsPath: 'b.json' }, deps)).rejects.toThrow(
      "Budgets file 'b.json' is invalid",
    );
    expect(launched).toEqual([]);
  });

  it('keeps what was measured when a later URL breaks the browser', async () => {
    const files = new Map<string, string>();
    const closed: string[] = [];
    const measurer = fakeMeasurer({}, closed);
    measurer.measure = async (url, index) => {
      if (url.includes('product')) throw new Error('Target closed');
      return { ...run(index, 1200), url };
    };
    const { deps } = memoryDeps(measurer, files);
    await expect(runGate(SETTINGS, deps)).rejects.toThrow('Target closed');
    expect(closed).toEqual(['closed']);
    const partial = JSON.parse(files.get('out/results.json') ?? '{}');
    expect(partial.urls).toHaveLength(1);
    expect(partial.urls[0].runs).toHaveLength(3);
    expect(files.get('out/report.md')).toContain('vitals-gate');
  });

  it('goes on with the absolute budgets when the field source is down, and says why', async () => {
    const files = new Map<string, string>();
    const { deps } = memoryDeps(fakeMeasurer({ 'https://shop.example/': 1200 }), files);
    const settings = {
      ...SETTINGS,
      urls: ['https://shop.example/'],
      rum: { source: 'prometheus' as const, url: 'http://127.0.0.1:39' },
    };
    const outcome = await runGate(settings, deps);
    expect(outcome.results.field.source).toBe('prometheus');
    expect(outcome.results.field.error).toMatch(/^Prometheus http:\/\/127\.0\.0\.1:39: .*ECONNREFUSED/);
    expect(outcome.results.verdict.status).toBe('pass');
    expect(outcome.markdown).toContain('**Field data unavailable** (prometheus)');
    expect(files.get('out/results.json')).toContain('"error": "Prometheus http://127.0.0.1:39');
  });

  it('never writes the CrUX API key into results.json', async () => {
    const files = new Map<string, string>();
    const { deps } = memoryDeps(fakeMeasurer({}), files);
    const settings = {
      ...SETTINGS,
      urls: ['https://shop.example/'],
      rum: { source: 'crux' as const, cruxApiKey: 'secret-key-123', url: 'http://127.0.0.1:9' },
    };
    const outcome = await runGate(settings, deps);
    expect(outcome.results.settings.rum.cruxApiKey).toBe('***');
    expect(files.get('out/results.json')).not.toContain('secret-key-123');
    expect(outcome.markdown).not.toContain('secret-key-123');
  });

  it('interleaves candidate and baseline (A B, B A …) and fails a significant regression', async () => {
    const order: string[] = [];
    const measurer = fakeMeasurer({});
    measurer.measure = async (url, index) => {
      order.push(url.startsWith('https://prod.example') ? 'B' : 'A');
      const lcp = url.startsWith('https://prod.example') ? 1000 + index : 1300 + index;
      return { ...run(index, lcp), url };
    };
    const { deps } = memoryDeps(measurer, new Map());
    const settings = {
      ...SETTINGS,
      urls: ['https://pr-1.preview.example/product/1'],
      baselineUrl: 'https://prod.example/',
      runs: 5,
      maxRuns: 10,
    };
    const outcome = await runGate(settings, deps);
    expect(order.join('')).toBe('ABBAABBAAB');
    const [result] = outcome.results.urls;
    expect(result?.baseline?.url).toBe('https://prod.example/product/1');
    expect(result?.baseline?.pairs).toBe(5);
    const lcp = result?.baseline?.comparisons.find((c) => c.metric === 'LCP' && !c.subpart);
    expect(lcp).toMatchObject({ state: 'regression', baselineMedian: 1002, candidateMedian: 1302 });
    expect(result?.verdict.status).toBe('fail');
    expect(outcome.markdown).toContain(
      '**Against the baseline** `https://prod.example/product/1`: 5 interleaved run pairs',
    );
    expect(outcome.markdown).toMatch(/❌ LCP \+30 % \(95 % CI \+\d+ % to \+\d+ %\) vs baseline, p = 0\.008/);
  });

  it('adds run pairs while a comparison is inconclusive, up to max-runs', async () => {
    // Noisy pages with a median 30 % apart but wide overlap: never significant at these sizes.
    const noisy = [900, 1900, 1000, 2000, 1100, 1800, 950, 2100];
    const measurer = fakeMeasurer({});
    measurer.measure = async (url, index) => {
      const candidate = !url.startsWith('https://prod.example');
      const value = (noisy[index % noisy.length] as number) * (candidate ? 1.3 : 1);
      return { ...run(index, value), url };
    };
    const { deps } = memoryDeps(measurer, new Map());
    const settings = {
      ...SETTINGS,
      urls: ['https://pr.example/'],
      baselineUrl: 'https://prod.example',
      runs: 3,
      maxRuns: 7,
    };
    const outcome = await runGate(settings, deps);
    const [result] = outcome.results.urls;
    expect(result?.baseline?.pairs).toBe(7);
    expect(result?.runs).toHaveLength(7);
    expect(result?.baseline?.comparisons.find((c) => c.metric === 'LCP' && !c.subpart)?.state).toBe(
      'inconclusive',
    );
    expect(result?.verdict.status).toBe('warn');
  });

  it('uses the default Core Web Vitals budgets without a budgets file', async () => {
    const { deps } = memoryDeps(fakeMeasurer({ 'https://shop.example/': 3000 }), new Map());
    const outcome = await runGate({ ...SETTINGS, urls: ['https://shop.example/'] }, deps);
    expect(outcome.results.budgetsSource).toContain('default Core Web Vitals thresholds');
    expect(outcome.results.verdict.status).toBe('warn');
  });

  it('profiles the interactions once per URL with steps when profile-interactions is on, and only then', async () => {
    const profiled: string[] = [];
    const measurer = fakeMeasurer({});
    measurer.profileInteractions = async (url, plan) => {
      profiled.push(`${url} ${plan.interactions?.length}`);
      return {
        url,
        samplingIntervalUs: 200,
        wallMs: 1500,
        interactions: [
          {
            type: 'pointer',
            events: ['click'],
            startTime: 900,
            duration: 330,
            scripts: [
              { url: 'https://cdn.vendor.example/v.js', selfMs: 290 },
              { url: 'https://shop.example/app.js', selfMs: 10 },
            ],
          },
        ],
      };
    };
    const budgets =
      '{"budgets":[{"path":"/product/**","interactions":[{"click":"#buy"}],"metrics":{"INP":{"thirdPartyScripts":{"max":100}}}}]}';
    const settings = { ...SETTINGS, budgetsPath: 'b.json', profileInteractions: true };
    const { deps } = memoryDeps(measurer, new Map(), budgets);
    const outcome = await runGate(settings, deps);
    expect(profiled).toEqual(['https://shop.example/product/1 1']);
    const [home, product] = outcome.results.urls;
    expect(home?.interactionProfile).toBeUndefined();
    expect(product?.aggregate.profiledScripts?.slowest.thirdPartyMs).toBe(290);
    expect(product?.verdict.checks.find((c) => c.subpart === 'thirdPartyScripts')).toMatchObject({
      value: 290,
      basis: 'cpu-profile',
      status: 'fail',
    });
    profiled.length = 0;
    const off = await runGate(
      { ...settings, profileInteractions: false },
      memoryDeps(measurer, new Map(), budgets).deps,
    );
    expect(profiled).toEqual([]);
    expect(off.results.urls[1]?.interactionProfile).toBeUndefined();
  });
});

describe('runGate cancelled (an AbortSignal: the CLI and the action abort it on SIGINT/SIGTERM)', () => {
  it('stops between runs and writes what was measured, marked cancelled, with no verdict', async () => {
    const files = new Map<string, string>();
    const controller = new AbortController();
    const measurer = fakeMeasurer({});
    let runs = 0;
    const measure = measurer.measure;
    measurer.measure = async (url, index, plan) => {
      if (++runs === 2) controller.abort('SIGTERM');
      return measure(url, index, plan);
    };
    const { deps } = memoryDeps(measurer, files);
    const outcome = await runGate({ ...SETTINGS, lighthouse: true }, deps, { signal: controller.signal });
    expect(runs).toBe(2);
    expect(outcome.results.verdict.status).toBe('cancelled');
    expect(outcome.results.cancelled).toEqual({ reason: 'SIGTERM', measured: '2 runs of 1 of 2 pages' });
    expect(outcome.results.urls[0]?.lighthouse).toBeUndefined(); // not started on the way out
    expect(JSON.parse(files.get('out/results.json') ?? '{}').verdict.status).toBe('cancelled');
    expect(files.get('out/report.md')?.split('\n')[0]).toBe('## ⏹️ vitals-gate: cancelled (no verdict)');
  });

  it('closes the Chrome it started meanwhile when the pages never answer', async () => {
    const closed: string[] = [];
    const { deps, launched } = memoryDeps(fakeMeasurer({}, closed), new Map());
    deps.probe = async () => ({ status: 503 });
    let clock = 0;
    deps.now = () => new Date(clock);
    deps.sleep = async (ms) => {
      clock += ms;
    };
    await expect(runGate({ ...SETTINGS, waitTimeoutMs: 5_000 }, deps)).rejects.toThrow(/503/);
    expect(launched).toEqual(['chrome']);
    expect(closed).toEqual(['closed']);
  });

  it('gives up waiting for the preview at once and closes the Chrome started meanwhile', async () => {
    const files = new Map<string, string>();
    const controller = new AbortController();
    const closed: string[] = [];
    const { deps, launched } = memoryDeps(fakeMeasurer({}, closed), files);
    deps.probe = async () => ({ status: 503 });
    deps.sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    setTimeout(() => controller.abort('SIGINT'), 50);
    const outcome = await runGate({ ...SETTINGS, waitTimeoutMs: 300_000 }, deps, {
      signal: controller.signal,
    });
    // Chrome starts while the pages are waited for, and nothing was measured in it.
    expect(launched).toEqual(['chrome']);
    expect(closed).toEqual(['closed']);
    expect(outcome.results.cancelled).toEqual({ reason: 'SIGINT', measured: '0 runs of 0 of 2 pages' });
    expect(files.has('out/results.json')).toBe(true);
  }, 5000);
});

describe('urlBoundMs', () => {
  it.each([
    [{ runs: 5, timeoutMs: 15_000, lighthouse: false }, 5 * 16_000 + 10_000],
    [{ runs: 1, timeoutMs: 10_000, lighthouse: true }, 11_000 + 41_000 + 10_000],
    [{ runs: 3, maxRuns: 6, timeoutMs: 30_000, lighthouse: false, profiled: true }, 13 * 31_000 + 10_000],
  ])('%j → %i ms', (input, expected) => {
    expect(urlBoundMs(input)).toBe(expected);
  });
});
