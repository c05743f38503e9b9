import type { WebVitalName } from '../metrics/metricDefinitions.js';
import type { RunMeasurement } from './RunMeasurement.js';

const VALUE_OF: Readonly<Record<WebVitalName, (run: RunMeasurement) => number | undefined>> = {
  LCP: (run) => run.lcp?.value,
  INP: (run) => run.inp?.value,
  CLS: (run) => run.cls?.value,
  FCP: (run) => run.fcp?.value,
  TTFB: (run) => run.ttfb?.value,
};

/** A run's value of a web-vitals metric; undefined when the run did not report it. */
export function runMetricValue(run: RunMeasurement, metric: WebVitalName): number | undefined {
  return VALUE_OF[metric](run);
}
