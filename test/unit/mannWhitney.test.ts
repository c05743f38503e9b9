import { describe, expect, it } from 'vitest';
import { mannWhitney } from '../../src/compare/mannWhitney.js';
import { normalCdf } from '../../src/compare/normalCdf.js';

// Reference values computed with R 4.2.2 (Debian r-base-core) in the session that wrote this test:
//   r <- wilcox.test(x, y, conf.int = TRUE, exact = <exact>, correct = TRUE)
//   r$statistic; r$p.value; r$estimate; r$conf.int
describe('mannWhitney against R 4.2.2 wilcox.test', () => {
  it('A: exact, overlapping samples (W = 58, p = 0.135911147675854, estimate 0.56, CI [-0.368, 1.183])', () => {
    const r = mannWhitney(
      [1.83, 0.51, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.31],
      [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.07, 3.14, 1.28],
    );
    expect(r.method).toBe('exact');
    expect(r.w).toBe(58);
    expect(r.p).toBeCloseTo(0.135911147675854, 12);
    expect(r.estimate).toBeCloseTo(0.56, 12);
    expect(r.ci[0]).toBeCloseTo(-0.368, 12);
    expect(r.ci[1]).toBeCloseTo(1.183, 12);
  });

  it('B: 5 vs 5, complete separation (W = 25, p = 2/252, estimate 270, CI [200, 380])', () => {
    const r = mannWhitney([2300, 2250, 2410, 2280, 2350], [2010, 2045, 1990, 2100, 2030]);
    expect(r.w).toBe(25);
    expect(r.p).toBeCloseTo(0.00793650793650794, 14);
    expect(r.estimate).toBe(270);
    expect(r.ci).toEqual([200, 380]);
  });

  it('C: 7 vs 7, no difference (W = 24, p = 1, estimate -3, CI [-22, 21])', () => {
    const r = mannWhitney(
      [1012, 998, 1040, 1005, 1021, 990, 1033],
      [1001, 1015, 1009, 1027, 995, 1019, 1037],
    );
    expect(r.w).toBe(24);
    expect(r.p).toBeCloseTo(1, 12);
    expect(r.estimate).toBe(-3);
    expect(r.ci).toEqual([-22, 21]);
  });

  it('D: ties, normal approximation with tie and continuity corrections (W = 11, p = 0.172359398961437)', () => {
    const r = mannWhitney([0, 0, 0.01, 0.02, 0.05, 0.1], [0, 0.03, 0.04, 0.06, 0.08, 0.12, 0.15]);
    expect(r.method).toBe('normal');
    expect(r.w).toBe(11);
    expect(r.p).toBeCloseTo(0.172359398961437, 6);
    // R solves for the estimate numerically here (-0.0381); ours is the Hodges–Lehmann median of differences.
    expect(r.estimate).toBeCloseTo(-0.035, 12);
    expect(r.ci[0]).toBeLessThan(r.estimate);
    expect(r.ci[1]).toBeGreaterThan(r.estimate);
  });

  it('E: 12 vs 12 shift (W = 132, p = 0.000201171825885785, estimate 0.75, CI [0.35, 1.15])', () => {
    const r = mannWhitney(
      [5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3, 6.4, 5.9, 6.1, 5.6, 5.2],
      [4.8, 5.0, 4.7, 5.4, 4.6, 5.05, 4.95, 4.85, 5.25, 4.75, 5.15, 4.65],
    );
    expect(r.w).toBe(132);
    expect(r.p).toBeCloseTo(0.000201171825885785, 12);
    expect(r.estimate).toBeCloseTo(0.75, 12);
    expect(r.ci[0]).toBeCloseTo(0.35, 12);
    expect(r.ci[1]).toBeCloseTo(1.15, 12);
  });
});

describe('normalCdf against R pnorm', () => {
  it.each([
    [-1.96, 0.0249978951482204],
    [-3, 0.0013498980316301],
    [0.5, 0.691462461274013],
    [0, 0.5],
  ])('pnorm(%d) = %d', (z, expected) => {
    expect(Math.abs(normalCdf(z) - expected) / expected).toBeLessThan(2e-7);
  });
});
