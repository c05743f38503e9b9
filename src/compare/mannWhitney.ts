import { median } from '../aggregate/quantile.js';
import { normalCdf } from './normalCdf.js';

/** The result of a two-sided Mann–Whitney (Wilcoxon rank-sum) test of x against y, as R's `wilcox.test`. */
export interface RankSumTest {
  /** R's W: the rank sum of x minus n_x (n_x + 1) / 2. */
  w: number;
  /** Two-sided p-value. */
  p: number;
  /** Hodges–Lehmann estimate of the shift x − y: the median of all pairwise differences. */
  estimate: number;
  /** Confidence interval of the shift (exact order statistics; normal approximation with ties). */
  ci: [number, number];
  method: 'exact' | 'normal';
}

/** Midranks of the pooled sample, and the tie-correction term Σ(t³ − t). */
function midranks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[(order[k] as { index: number }).index] = rank;
    const size = end - start + 1;
    tieTerm += size ** 3 - size;
    start = end + 1;
  }
  return { ranks, tieTerm };
}

/** Counts of each value of U for sample sizes m and n (the exact null distribution, no ties). */
function uFrequencies(m: number, n: number): number[] {
  // f[i][j][u]: arrangements of i x's and j y's with statistic u; built row by row.
  let previous: number[][] = Array.from({ length: n + 1 }, () => [1]);
  for (let i = 1; i <= m; i++) {
    const current: number[][] = [[1]];
    for (let j = 1; j <= n; j++) {
      const size = i * j + 1;
      const counts = new Array<number>(size).fill(0);
      const withoutX = current[j - 1] as number[]; // last element is a y: u unchanged
      const withX = previous[j] as number[]; // last element is an x: it beats all j y's
      for (let u = 0; u < withoutX.length; u++) counts[u] = (counts[u] ?? 0) + (withoutX[u] ?? 0);
      for (let u = 0; u < withX.length; u++) counts[u + j] = (counts[u + j] ?? 0) + (withX[u] ?? 0);
      current.push(counts);
    }
    previous = current;
  }
  return previous[n] as number[];
}

/** P(U ≤ q) under the null, and the smallest q with P(U ≤ q) ≥ p (R's `pwilcox` / `qwilcox`). */
function exactDistribution(m: number, n: number) {
  const counts = uFrequencies(m, n);
  const total = counts.reduce((sum, c) => sum + c, 0);
  const cdf: number[] = [];
  let running = 0;
  for (const count of counts) {
    running += count;
    cdf.push(running / total);
  }
  return {
    pwilcox: (q: number) => (q < 0 ? 0 : q >= cdf.length - 1 ? 1 : (cdf[Math.floor(q)] as number)),
    qwilcox: (p: number) => {
      const index = cdf.findIndex((value) => value >= p - 1e-12);
      return index === -1 ? cdf.length - 1 : index;
    },
  };
}

/**
 * Two-sided Mann–Whitney test with the Hodges–Lehmann shift and its confidence interval. Like R's
 * `wilcox.test(x, y, conf.int = TRUE)`: exact distribution when both samples are below 50 and there are no
 * ties; otherwise the normal approximation with tie and continuity corrections (the interval then uses the
 * normal approximation of the order statistic, where R solves for it numerically).
 */
export function mannWhitney(x: readonly number[], y: readonly number[], confidence = 0.95): RankSumTest {
  const m = x.length;
  const n = y.length;
  if (m === 0 || n === 0) throw new Error('mannWhitney needs two non-empty samples');
  const { ranks, tieTerm } = midranks([...x, ...y]);
  const w = ranks.slice(0, m).reduce((sum, rank) => sum + rank, 0) - (m * (m + 1)) / 2;
  const diffs = x.flatMap((xi) => y.map((yj) => xi - yj)).sort((a, b) => a - b);
  const estimate = median(diffs) as number;
  const alpha = 1 - confidence;
  const mn = m * n;
  if (m < 50 && n < 50 && tieTerm === 0) {
    const { pwilcox, qwilcox } = exactDistribution(m, n);
    const p = Math.min(1, 2 * Math.min(pwilcox(w), 1 - pwilcox(w - 1)));
    let qu = qwilcox(alpha / 2);
    if (qu === 0) qu = 1;
    const ql = mn - qu;
    return { w, p, estimate, ci: [diffs[qu - 1] as number, diffs[ql] as number], method: 'exact' };
  }
  const sigma = Math.sqrt((mn / 12) * (m + n + 1 - tieTerm / ((m + n) * (m + n - 1))));
  const centred = w - mn / 2;
  const correction = Math.sign(centred) * 0.5;
  const z = sigma > 0 ? (centred - correction) / sigma : 0;
  const p = Math.min(1, 2 * Math.min(normalCdf(z), 1 - normalCdf(z)));
  const zCrit = inverseNormal(1 - alpha / 2);
  const k = Math.max(1, Math.min(mn, Math.round(mn / 2 - zCrit * sigma)));
  return { w, p, estimate, ci: [diffs[k - 1] as number, diffs[mn - k] as number], method: 'normal' };
}

/** Φ⁻¹(p) by bisection on normalCdf: simple, and exact enough for a critical value. */
function inverseNormal(p: number): number {
  let low = -10;
  let high = 10;
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (normalCdf(mid) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
