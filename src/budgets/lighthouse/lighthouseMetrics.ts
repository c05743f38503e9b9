import type { MetricName } from '../../metrics/metricDefinitions.js';

/** Lighthouse metric ids (budget.json `timings`, LHCI audit ids) that vitals-gate measures, and as what. */
export const MAPPED_METRICS: Readonly<Record<string, MetricName>> = {
  'first-contentful-paint': 'FCP',
  'largest-contentful-paint': 'LCP',
  'cumulative-layout-shift': 'CLS',
  'total-blocking-time': 'TBT',
  'server-response-time': 'TTFB',
};

/** Lighthouse metrics vitals-gate does not measure, with why (said in the warning). */
export const UNMAPPED_METRICS: Readonly<Record<string, string>> = {
  interactive: 'Time to Interactive was removed from Lighthouse 10 scoring and is not measured',
  'speed-index': 'Speed Index needs a filmstrip and is not measured',
  'max-potential-fid': 'Max Potential FID is not measured (INP over real interactions replaces it)',
  'first-meaningful-paint': 'First Meaningful Paint was removed from Lighthouse',
  'first-input-delay': 'FID was replaced by INP (give interactions in the budgets file to measure INP)',
  'first-cpu-idle': 'First CPU Idle was removed from Lighthouse',
  'estimated-input-latency': 'Estimated Input Latency was removed from Lighthouse',
  'interaction-to-next-paint': 'INP needs interactions: add them to the budgets entry and an INP budget',
  'experimental-interaction-to-next-paint':
    'INP needs interactions: add them to the budgets entry and an INP budget',
};

/** The metric ids budget.json accepts in `timings` (Lighthouse's budget validator). */
export const BUDGET_JSON_METRICS = [
  'first-contentful-paint',
  'interactive',
  'first-meaningful-paint',
  'max-potential-fid',
  'total-blocking-time',
  'speed-index',
  'largest-contentful-paint',
  'cumulative-layout-shift',
] as const;

/** Lighthouse's mobile scoring curves (p10 scores 0.9, median 0.5), from its metric audits (v10-13). */
const MOBILE_CURVES: Readonly<Record<string, { p10: number; median: number }>> = {
  'first-contentful-paint': { p10: 1800, median: 3000 },
  'largest-contentful-paint': { p10: 2500, median: 4000 },
  'total-blocking-time': { p10: 200, median: 600 },
  'cumulative-layout-shift': { p10: 0.1, median: 0.25 },
  'total-byte-weight': { p10: 2667 * 1024, median: 4000 * 1024 },
};

/** The complementary error function, as Lighthouse's scoring computes it (Abramowitz and Stegun 7.1.26). */
function erfc(x: number): number {
  const sign = Math.sign(x);
  const z = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * z);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return 1 - sign * (1 - y * Math.exp(-z * z));
}

/** Lighthouse's log-normal score of a value (1 best, 0 worst). */
function score(value: number, curve: { p10: number; median: number }): number {
  if (value <= 0) return 1;
  const standardized =
    (Math.log(value / curve.median) * 0.9061938024368232) / -Math.log(curve.p10 / curve.median);
  return Math.min(1, Math.max(0, erfc(standardized) / 2));
}

/**
 * The largest value that still scores `minScore` on Lighthouse's mobile curve of an audit (`minScore: 0.9`
 * on largest-contentful-paint → 2,500 ms; server-response-time passes below 600 ms), rounded (ms: whole, CLS: 3 decimals, bytes: whole KiB);
 * undefined for audits without a known curve or a score of 0 or 1.
 */
export function valueForScore(auditId: string, minScore: number): number | undefined {
  // server-response-time scores 1 below 600 ms and 0 above: any minScore asks for 600 ms.
  if (auditId === 'server-response-time' && minScore > 0) return 600;
  const curve = MOBILE_CURVES[auditId];
  if (!curve || minScore <= 0 || minScore >= 1) return undefined;
  let low = 0;
  let high = curve.median * 100;
  for (let i = 0; i < 200; i++) {
    const middle = (low + high) / 2;
    if (score(middle, curve) >= minScore) low = middle;
    else high = middle;
  }
  if (auditId === 'cumulative-layout-shift') return Math.round(low * 1000) / 1000;
  if (auditId === 'total-byte-weight') return Math.round(low / 1024) * 1024;
  return Math.round(low);
}
