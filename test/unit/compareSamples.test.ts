import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/compare/compareRuns.js';
import { compareSamples } from '../../src/compare/compareSamples.js';
import { run } from '../helpers/fixtures.js';

const options = { tolerance: 0.1, minimumShift: 5 };

describe('compareSamples verdict states', () => {
  it('calls a clear +20 % shift a regression, with its size and interval', () => {
    const baseline = [1000, 1010, 990, 1005, 995];
    const candidate = [1200, 1210, 1190, 1205, 1195];
    const result = compareSamples(candidate, baseline, options);
    expect(result.state).toBe('regression');
    expect(result.change).toBeCloseTo(0.2, 2);
    expect(result.p).toBeCloseTo(2 / 252, 10);
    expect(result.changeCi?.[0]).toBeGreaterThan(0.15);
  });

  it('calls a clear −20 % shift an improvement', () => {
    const result = compareSamples([800, 810, 790, 805, 795], [1000, 1010, 990, 1005, 995], options);
    expect(result.state).toBe('improvement');
    expect(result.change).toBeCloseTo(-0.2, 2);
  });

  it('calls noise within the tolerance unchanged, even when significant', () => {
    // +3 %: significant (complete separation) but within the 10 % tolerance.
    const result = compareSamples([1030, 1031, 1032, 1033, 1034], [1000, 1001, 1002, 1003, 1004], options);
    expect(result.p).toBeLessThan(0.05);
    expect(result.state).toBe('unchanged');
    expect(compareSamples([990, 1020, 1005, 1000, 1010], [1000, 995, 1015, 1008, 992], options).state).toBe(
      'unchanged',
    );
  });

  it('calls a large change that is not significant inconclusive', () => {
    const baseline = [1000, 1400, 900, 1600, 1100];
    const candidate = [1500, 1000, 1700, 1300, 1350];
    const result = compareSamples(candidate, baseline, options);
    expect(Math.abs(result.change ?? 0)).toBeGreaterThan(0.1);
    expect(result.p).toBeGreaterThanOrEqual(0.05);
    expect(result.state).toBe('inconclusive');
    expect(result.reason).toMatch(/^p = 0\.\d{3} ≥ 0\.05$/);
  });

  it('calls too few runs inconclusive', () => {
    const result = compareSamples([1200, 1300], [1000, 1000], options);
    expect(result.state).toBe('inconclusive');
    expect(result.reason).toBe('too few runs (2 candidate, 2 baseline)');
  });

  it('uses the absolute minimum shift when the baseline median is 0 (CLS)', () => {
    const cls = { tolerance: 0.1, minimumShift: 0.005 };
    const shifted = compareSamples([0.05, 0.06, 0.05, 0.055, 0.052], [0, 0, 0, 0, 0], cls);
    expect(shifted.change).toBeUndefined();
    expect(shifted.state).toBe('regression');
    expect(compareSamples([0, 0.001, 0, 0, 0.002], [0, 0, 0.001, 0, 0], cls).state).toBe('unchanged');
  });
});

describe('compareRuns', () => {
  it('never counts a shift below 20 ms, even a significant one beyond the relative tolerance', () => {
    // TTFB 57 → 65 ms: +14 %, complete separation (p = 0.008), but 8 ms is noise to users.
    const withTtfb = (index: number, ttfb: number) => {
      const base = run(index, 1000);
      return {
        ...base,
        ttfb: {
          value: ttfb,
          attribution: base.ttfb?.attribution ?? { subparts: {} as never, serverTiming: [] },
        },
      };
    };
    const baseline = [57, 56, 58, 57.5, 56.5].map((ttfb, i) => withTtfb(i, ttfb));
    const candidate = [65, 64, 66, 65.5, 64.5].map((ttfb, i) => withTtfb(i, ttfb));
    const ttfb = compareRuns(candidate, baseline, { tolerance: 0.1 }).find(
      (c) => c.metric === 'TTFB' && !c.subpart,
    );
    expect(ttfb?.p).toBeLessThan(0.01);
    expect(ttfb?.change).toBeGreaterThan(0.1);
    expect(ttfb?.state).toBe('unchanged');
  });
});
