import { describe, expect, it } from 'vitest';
import type { UrlAggregate } from '../../src/aggregate/aggregateRuns.js';
import { summarize } from '../../src/aggregate/summarize.js';
import {
  checkThreshold,
  computeVerdict,
  verdictForUrl,
  worstStatus,
} from '../../src/verdict/computeVerdict.js';

function aggregate(
  lcp: number | undefined,
  resourceLoadDelay?: number,
  successfulRuns = 3,
  interactionFailures = 0,
): UrlAggregate {
  return {
    metrics: lcp === undefined ? {} : { LCP: summarize([lcp]) },
    subparts: {
      LCP: resourceLoadDelay === undefined ? {} : { resourceLoadDelay: summarize([resourceLoadDelay]) },
      INP: {},
      TTFB: {},
    },
    scripts: [],
    successfulRuns,
    pageFailures: 0,
    interactionFailures,
  };
}

describe('checkThreshold', () => {
  it.each([
    [2600, { max: 2500, warn: 2000 }, 'fail'],
    [2500, { max: 2500, warn: 2000 }, 'warn'],
    [2000, { max: 2500, warn: 2000 }, 'pass'],
    [2001, { warn: 2000 }, 'warn'],
    [9999, { warn: 10_000 }, 'pass'],
    [undefined, { max: 1 }, 'not-measured'],
  ] as const)('%s against %j is %s (equal to a limit passes it)', (value, threshold, expected) => {
    expect(checkThreshold(value, threshold)).toBe(expected);
  });
});

describe('verdictForUrl', () => {
  const budget = {
    matched: ['/**'],
    metrics: {
      LCP: { max: 2500, warn: 2000, subparts: { resourceLoadDelay: { max: 300 } } },
      INP: { max: 200 },
    },
  };

  it('fails on a subpart budget even when the metric passes', () => {
    const verdict = verdictForUrl('https://x.example/', aggregate(1500, 450), budget);
    expect(verdict.status).toBe('fail');
    expect(verdict.checks).toEqual([
      { metric: 'LCP', value: 1500, threshold: { max: 2500, warn: 2000 }, status: 'pass' },
      { metric: 'LCP', subpart: 'resourceLoadDelay', value: 450, threshold: { max: 300 }, status: 'fail' },
      { metric: 'INP', value: undefined, threshold: { max: 200, warn: undefined }, status: 'not-measured' },
    ]);
  });

  it('warns between warn and max; a metric not measured never fails', () => {
    expect(verdictForUrl('https://x.example/', aggregate(2200, 100), budget).status).toBe('warn');
    expect(verdictForUrl('https://x.example/', aggregate(1000, 100), budget).status).toBe('pass');
  });

  it('fails a URL where no run succeeded, saying so', () => {
    const verdict = verdictForUrl('https://x.example/', aggregate(undefined, undefined, 0), budget);
    expect(verdict.status).toBe('fail');
    expect(verdict.problems).toEqual(['no run succeeded: nothing was measured']);
  });

  it('fails a URL whose interaction steps failed, keeping its load metrics', () => {
    const verdict = verdictForUrl('https://x.example/', aggregate(1000, 100, 3, 2), budget);
    expect(verdict.status).toBe('fail');
    expect(verdict.problems).toEqual(['interaction steps failed in 2 run(s): INP is incomplete']);
    expect(verdict.checks[0]).toMatchObject({ metric: 'LCP', value: 1000, status: 'pass' });
  });

  it('fails a URL where some runs failed because of the page, even when the others are within budget', () => {
    const verdict = verdictForUrl(
      'https://x.example/',
      { ...aggregate(1000, 100, 4), pageFailures: 1 },
      budget,
    );
    expect(verdict.status).toBe('fail');
    expect(verdict.problems).toEqual(['1 run failed because of the page']);
    const twice = verdictForUrl(
      'https://x.example/',
      { ...aggregate(1000, 100, 3), pageFailures: 2 },
      budget,
    );
    expect(twice.problems).toEqual(['2 runs failed because of the page']);
  });

  it('passes a URL with no budget', () => {
    expect(verdictForUrl('https://x.example/', aggregate(9000), { matched: [], metrics: {} }).status).toBe(
      'pass',
    );
  });
});

describe('INP budgets', () => {
  it('checks INP subparts and third-party script time, and only when measured', () => {
    const budget = {
      matched: ['/**'],
      metrics: {
        INP: { max: 200, subparts: { processingDuration: { max: 100 } }, thirdPartyScripts: { warn: 50 } },
      },
    };
    const measured: UrlAggregate = {
      metrics: { INP: summarize([180]) },
      subparts: { LCP: {}, INP: { processingDuration: summarize([120]) }, TTFB: {} },
      scripts: [],
      thirdPartyScripts: summarize([70]),
      successfulRuns: 3,
      pageFailures: 0,
      interactionFailures: 0,
    };
    const verdict = verdictForUrl('https://x.example/', measured, budget);
    expect(verdict.checks.map((c) => [c.subpart ?? c.metric, c.value, c.status])).toEqual([
      ['INP', 180, 'pass'],
      ['processingDuration', 120, 'fail'],
      ['thirdPartyScripts', 70, 'warn'],
    ]);
    expect(verdict.status).toBe('fail');
    const unmeasured = verdictForUrl('https://x.example/', aggregate(1000), budget);
    expect(unmeasured.checks.every((c) => c.status === 'not-measured')).toBe(true);
    expect(unmeasured.status).toBe('pass');
  });
});

describe('budgets relative to production field data', () => {
  const budget = {
    matched: ['/**'],
    metrics: { LCP: { max: 4000, relativeTo: 'rum' as const, tolerance: 10, warnTolerance: 5 } },
  };
  const field = (p75: number) => ({
    status: 'found' as const,
    key: '/',
    page: { metrics: { LCP: { p75 } } },
  });

  it('fails above p75 + tolerance, warns above p75 + warnTolerance', () => {
    // p75 2,300: fail above 2,530, warn above 2,415
    const fail = verdictForUrl('https://x.example/', aggregate(2600), budget, field(2300));
    expect(fail.checks[1]).toMatchObject({ subpart: 'field', value: 2600, status: 'fail', fieldP75: 2300 });
    expect(fail.checks[1]?.threshold.max).toBeCloseTo(2530);
    expect(fail.status).toBe('fail');
    expect(verdictForUrl('https://x.example/', aggregate(2450), budget, field(2300)).status).toBe('warn');
    expect(verdictForUrl('https://x.example/', aggregate(2400), budget, field(2300)).status).toBe('pass');
  });

  it('is not measured, never failing, without field data for the page', () => {
    const missing = { status: 'missing' as const, reason: 'no field data for /' };
    for (const field of [undefined, missing]) {
      const verdict = verdictForUrl('https://x.example/', aggregate(9000 / 3), budget, field);
      expect(verdict.checks[1]).toMatchObject({ subpart: 'field', status: 'not-measured' });
      expect(verdict.status).toBe('pass');
    }
  });
});

describe('computeVerdict', () => {
  it('is the worst status over all URLs', () => {
    expect(worstStatus([])).toBe('pass');
    expect(worstStatus(['pass', 'warn', 'pass'])).toBe('warn');
    const verdict = computeVerdict([
      { url: 'a', status: 'warn', checks: [], problems: [] },
      { url: 'b', status: 'fail', checks: [], problems: [] },
    ]);
    expect(verdict.status).toBe('fail');
  });
});
