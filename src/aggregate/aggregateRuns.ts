import type { LighthouseSummary, RunMeasurement } from '../collect/RunMeasurement.js';
import {
  LCP_SUBPARTS,
  type LcpSubpart,
  type MetricName,
  TTFB_SUBPARTS,
  type TtfbSubpart,
} from '../metrics/metricDefinitions.js';
import { type Summary, summarize } from './summarize.js';

/** Medians and spreads of every metric and subpart of one URL. */
export interface UrlAggregate {
  metrics: Partial<Record<MetricName, Summary>>;
  lcpSubparts: Partial<Record<LcpSubpart, Summary>>;
  ttfbSubparts: Partial<Record<TtfbSubpart, Summary>>;
  /** Runs that completed without error. */
  successfulRuns: number;
}

/** The metrics each run measures, and where each run keeps its value. */
const RUN_METRICS: readonly [MetricName, (run: RunMeasurement) => number | undefined][] = [
  ['LCP', (run) => run.lcp?.value],
  ['CLS', (run) => run.cls?.value],
  ['FCP', (run) => run.fcp?.value],
  ['TTFB', (run) => run.ttfb?.value],
];

/**
 * Aggregates the runs of one URL: per metric and subpart the median and IQR over the runs that produced
 * it. TBT comes from the single Lighthouse navigation (n = 1) when there is one.
 */
export function aggregateRuns(runs: readonly RunMeasurement[], lighthouse?: LighthouseSummary): UrlAggregate {
  const metrics: Partial<Record<MetricName, Summary>> = {};
  for (const [name, valueIn] of RUN_METRICS) {
    const summary = summarize(runs.map(valueIn));
    if (summary) metrics[name] = summary;
  }
  const tbt = summarize([lighthouse?.tbt]);
  if (tbt) metrics.TBT = tbt;

  const lcpSubparts: Partial<Record<LcpSubpart, Summary>> = {};
  for (const subpart of LCP_SUBPARTS) {
    const summary = summarize(runs.map((run) => run.lcp?.attribution.subparts[subpart]));
    if (summary) lcpSubparts[subpart] = summary;
  }
  const ttfbSubparts: Partial<Record<TtfbSubpart, Summary>> = {};
  for (const subpart of TTFB_SUBPARTS) {
    const summary = summarize(runs.map((run) => run.ttfb?.attribution.subparts[subpart]));
    if (summary) ttfbSubparts[subpart] = summary;
  }
  return {
    metrics,
    lcpSubparts,
    ttfbSubparts,
    successfulRuns: runs.filter((run) => !run.error).length,
  };
}
