import type { UrlAggregate } from '../../src/aggregate/aggregateRuns.js';
import { aggregateRuns } from '../../src/aggregate/aggregateRuns.js';
import type { BudgetsFile } from '../../src/budgets/Budgets.js';
import { resolveBudget } from '../../src/budgets/resolveBudget.js';
import type { RunMeasurement } from '../../src/collect/RunMeasurement.js';
import type { FieldMatch } from '../../src/field/FieldData.js';
import type { GateResults, UrlResult } from '../../src/results/GateResults.js';
import type { Settings } from '../../src/settings/Settings.js';
import { computeVerdict, verdictForUrl } from '../../src/verdict/computeVerdict.js';

/** A run with the given LCP (split into known subparts), CLS, FCP and TTFB. */
export function run(index: number, lcp: number, overrides: Partial<RunMeasurement> = {}): RunMeasurement {
  const ttfb = 100;
  const delay = 50;
  const render = 20;
  return {
    index,
    url: 'https://shop.example/',
    startedAt: '2026-11-22T10:00:00.000Z',
    wallMs: 2000,
    status: 200,
    lcp: {
      value: lcp,
      attribution: {
        target: 'main>img.hero',
        url: 'https://cdn.example/hero.jpg',
        resourceType: 'img',
        subparts: {
          timeToFirstByte: ttfb,
          resourceLoadDelay: delay,
          resourceLoadDuration: lcp - ttfb - delay - render,
          elementRenderDelay: render,
        },
      },
    },
    cls: {
      value: 0.02,
      attribution: { largestShiftTarget: 'main>div.promo', largestShiftValue: 0.02, largestShiftTime: 900 },
    },
    fcp: { value: 800, timeToFirstByte: ttfb, firstByteToFCP: 700 },
    ttfb: {
      value: ttfb,
      attribution: {
        subparts: {
          waitingDuration: 1,
          cacheDuration: 0,
          dnsDuration: 0,
          connectionDuration: 2,
          requestDuration: 97,
        },
        serverTiming: [{ name: 'db', duration: 60, description: 'product query' }],
      },
    },
    ...overrides,
  };
}

/** An INP of `processing + 30` ms: a first-party click handler and a third-party listener split the processing. */
export function withInp(base: RunMeasurement, processing: number, thirdPartyMs: number): RunMeasurement {
  const start = 3000;
  const script = (sourceURL: string, invoker: string, from: number, duration: number) => ({
    sourceURL,
    invoker,
    invokerType: 'event-listener',
    sourceFunctionName: '',
    duration,
    forcedStyleAndLayoutDuration: 0,
    overlap: { inputDelay: 0, processingDuration: duration, presentationDelay: 0 },
    startTime: from,
  });
  return {
    ...base,
    interactionSteps: 1,
    inp: {
      value: processing + 30,
      attribution: {
        interactionTarget: 'button#add-to-cart',
        interactionType: 'pointer',
        loadState: 'complete',
        subparts: { inputDelay: 10, processingDuration: processing, presentationDelay: 20 },
        scripts: [
          script(
            'https://shop.example/assets/app.js',
            'BUTTON#add-to-cart.onclick',
            start,
            processing - thirdPartyMs,
          ),
          script('https://cdn.cookielaw.org/consent.js', 'DOCUMENT.onclick', start + 1, thirdPartyMs),
        ],
      },
    },
  };
}

export const SETTINGS: Settings = {
  urls: ['https://shop.example/', 'https://shop.example/product/1'],
  runs: 3,
  device: 'mobile',
  throttling: 'device',
  lighthouse: false,
  profileInteractions: false,
  outputDir: 'out',
  timeoutMs: 60_000,
  rum: { source: 'none' },
  maxRuns: 6,
  regressionTolerance: 0.1,
  waitTimeoutMs: 0,
  request: { headers: {}, cookies: [], block: [] },
};

export function urlResult(
  url: string,
  runs: RunMeasurement[],
  budgets: BudgetsFile,
  field?: FieldMatch,
): UrlResult {
  const aggregate: UrlAggregate = aggregateRuns(runs);
  const budget = resolveBudget(budgets, url);
  return {
    url,
    runs,
    aggregate,
    budget,
    ...(field ? { field } : {}),
    verdict: verdictForUrl(url, aggregate, budget, field),
  };
}

export function gateResults(urls: UrlResult[], budgetsSource = 'budgets.json'): GateResults {
  return {
    schemaVersion: 1,
    tool: { name: 'vitals-gate', version: '0.0.0-test' },
    startedAt: '2026-11-22T10:00:00.000Z',
    finishedAt: '2026-11-22T10:01:00.000Z',
    settings: { ...SETTINGS, urls: urls.map((u) => u.url) },
    environment: { browser: 'Chrome/156.0.0.0', node: 'v24.0.0', profile: 'mobile (test profile)' },
    budgetsSource,
    field: { source: 'none' },
    urls,
    verdict: computeVerdict(urls.map((u) => u.verdict)),
  };
}

/** Budgets for the rendering tests: LCP with a subpart budget and a warning, CLS, INP with a third-party warning. */
export const REPORT_BUDGETS: BudgetsFile = {
  source: 'perf/budgets.json',
  budgets: [
    {
      path: '/**',
      metrics: {
        LCP: { max: 2500, warn: 2000, subparts: { resourceLoadDuration: { max: 1500 } } },
        CLS: { max: 0.1 },
        INP: { max: 200, thirdPartyScripts: { warn: 100 } },
      },
    },
  ],
};
