import type { FieldMetric } from '../field/FieldData.js';
import { METRICS } from '../metrics/metricDefinitions.js';

/**
 * How badly a page's production p75s miss "good": the largest p75 ÷ the metric's "good" threshold
 * (web-vitals: LCP 2500 ms, INP 200 ms, CLS 0.1, FCP 1800 ms, TTFB 800 ms), over the metrics it has.
 * 1 = exactly at the threshold; 0 without any p75.
 */
export function severity(p75: Partial<Record<FieldMetric, number>>): { value: number; metric?: FieldMetric } {
  let worst: { value: number; metric?: FieldMetric } = { value: 0 };
  for (const [metric, value] of Object.entries(p75) as [FieldMetric, number][]) {
    const ratio = value / METRICS[metric].thresholds[0];
    if (ratio > worst.value) worst = { value: ratio, metric };
  }
  return worst;
}

/**
 * A page's plan score: its share of page views × its severity. A page that carries much traffic and is
 * far from "good" is measured first; a page at "good" with little traffic last. Without traffic counts
 * every page has the same share, and the score orders by severity alone.
 */
export function scorePage(share: number, p75: Partial<Record<FieldMetric, number>>): number {
  return share * severity(p75).value;
}
