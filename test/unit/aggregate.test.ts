import { describe, expect, it } from 'vitest';
import { aggregateRuns } from '../../src/aggregate/aggregateRuns.js';
import { quantile } from '../../src/aggregate/quantile.js';
import { summarize } from '../../src/aggregate/summarize.js';
import { run } from '../helpers/fixtures.js';

describe('quantile (type 7, numpy default)', () => {
  // Reference values: numpy.quantile([1, 2, 3, 4], [0.25, 0.5, 0.75]) == [1.75, 2.5, 3.25]
  it('matches numpy on an even sample', () => {
    expect(quantile([4, 1, 3, 2], 0.25)).toBeCloseTo(1.75);
    expect(quantile([4, 1, 3, 2], 0.5)).toBeCloseTo(2.5);
    expect(quantile([4, 1, 3, 2], 0.75)).toBeCloseTo(3.25);
  });
  it('matches numpy on an odd sample and the edges', () => {
    // numpy.quantile([10, 20, 30, 40, 100], 0.75) == 40.0
    expect(quantile([100, 10, 40, 20, 30], 0.75)).toBe(40);
    expect(quantile([5], 0.5)).toBe(5);
    expect(quantile([], 0.5)).toBeUndefined();
  });
});

describe('summarize', () => {
  it('gives median, IQR and range, skipping missing values', () => {
    expect(summarize([1000, undefined, 1200, 1100, 5000])).toEqual({
      n: 4,
      median: 1150,
      p25: 1075,
      p75: 2150,
      iqr: 1075,
      min: 1000,
      max: 5000,
    });
    expect(summarize([undefined, Number.NaN])).toBeUndefined();
  });
});

describe('aggregateRuns', () => {
  it('aggregates metrics and subparts over the runs that produced them', () => {
    const runs = [
      run(0, 2000),
      run(1, 2400),
      run(2, 2200),
      { ...run(3, 0), lcp: undefined, error: 'timeout' },
    ];
    const aggregate = aggregateRuns(runs, { tbt: 150 });
    expect(aggregate.successfulRuns).toBe(3);
    expect(aggregate.metrics.LCP?.median).toBe(2200);
    expect(aggregate.metrics.LCP?.n).toBe(3);
    expect(aggregate.metrics.TBT).toMatchObject({ n: 1, median: 150 });
    expect(aggregate.subparts.LCP.resourceLoadDuration?.median).toBe(2200 - 170);
    expect(aggregate.subparts.TTFB.requestDuration?.median).toBe(97);
    expect(aggregate.metrics.INP).toBeUndefined();
  });

  it("leaves a failed run's figures out of every median, and counts whose failures they were", () => {
    const runs = [
      run(0, 2000),
      run(1, 2400),
      { ...run(2, 9000), error: 'the page answered HTTP 500', failure: { by: 'page', kind: 'http-error' } },
      { ...run(3, 100), error: 'hidden', failure: { by: 'tool', kind: 'hidden' } },
    ] as const;
    const aggregate = aggregateRuns([...runs]);
    expect(aggregate.metrics.LCP).toMatchObject({ n: 2, median: 2200 });
    expect(aggregate.metrics.TTFB?.n).toBe(2);
    expect(aggregate.successfulRuns).toBe(2);
    expect(aggregate.pageFailures).toBe(1);
  });
});
