import type { RunMeasurement } from '../collect/RunMeasurement.js';
import { runMetricValue } from '../collect/runMetricValue.js';
import type { FieldMatch, FieldMetric } from '../field/FieldData.js';
import {
  INP_SUBPARTS,
  type InpSubpart,
  LCP_SUBPARTS,
  type LcpSubpart,
  type MetricName,
  type Rating,
  rateMetric,
  WEB_VITALS,
} from '../metrics/metricDefinitions.js';
import { type CompareOptions, compareSamples, type SampleComparison } from './compareSamples.js';

/**
 * The smallest shift that can count as a change, whatever the tolerance: below 20 ms no user notices, and
 * scheduling noise on a loaded runner is of that order (a 10 % tolerance on a 57 ms TTFB would be 5.7 ms).
 */
export const MINIMUM_SHIFT = { time: 20, CLS: 0.01 } as const;

export interface Comparison extends SampleComparison {
  metric: MetricName;
  /** Set for subpart comparisons, which explain but do not decide. */
  subpart?: LcpSubpart | InpSubpart;
  /** Runs behind each side. */
  runs: { candidate: number; baseline: number };
  /** The production p75 after merge: field p75 × candidate median / baseline median. */
  projected?: { fieldP75: number; p75: number; from: Rating; to: Rating };
}

function valuesOf(
  runs: readonly RunMeasurement[],
  valueIn: (run: RunMeasurement) => number | undefined,
): number[] {
  return runs.flatMap((run) => {
    if (run.error) return []; // a failed run's figures never enter a comparison
    const value = valueIn(run);
    return typeof value === 'number' && Number.isFinite(value) ? [value] : [];
  });
}

/**
 * Compares the candidate's runs with the baseline's, metric by metric and for the LCP and INP subparts,
 * with the projected production p75 where field data is known. Metrics one side lacks are skipped.
 */
export function compareRuns(
  candidate: readonly RunMeasurement[],
  baseline: readonly RunMeasurement[],
  options: { tolerance: number },
  field?: FieldMatch,
): Comparison[] {
  const comparisons: Comparison[] = [];
  const add = (
    metric: MetricName,
    valueIn: (run: RunMeasurement) => number | undefined,
    subpart?: LcpSubpart | InpSubpart,
  ) => {
    const c = valuesOf(candidate, valueIn);
    const b = valuesOf(baseline, valueIn);
    if (c.length === 0 || b.length === 0) return;
    const compareOptions: CompareOptions = {
      tolerance: options.tolerance,
      minimumShift: metric === 'CLS' ? MINIMUM_SHIFT.CLS : MINIMUM_SHIFT.time,
    };
    const result: Comparison = {
      metric,
      ...(subpart ? { subpart } : {}),
      ...compareSamples(c, b, compareOptions),
      runs: { candidate: c.length, baseline: b.length },
    };
    const fieldP75 =
      field?.status === 'found' && !subpart ? field.page.metrics[metric as FieldMetric]?.p75 : undefined;
    if (fieldP75 !== undefined && result.baselineMedian > 0) {
      const p75 = fieldP75 * (result.candidateMedian / result.baselineMedian);
      result.projected = { fieldP75, p75, from: rateMetric(metric, fieldP75), to: rateMetric(metric, p75) };
    }
    comparisons.push(result);
  };
  // The web-vitals metrics are compared with the baseline, and their verdicts count; subparts explain them.
  for (const metric of WEB_VITALS) add(metric, (run) => runMetricValue(run, metric));
  for (const subpart of LCP_SUBPARTS) add('LCP', (run) => run.lcp?.attribution.subparts[subpart], subpart);
  for (const subpart of INP_SUBPARTS) add('INP', (run) => run.inp?.attribution.subparts[subpart], subpart);
  return comparisons;
}

/** Whether any deciding (top-level) comparison is still inconclusive. */
export function anyInconclusive(comparisons: readonly Comparison[]): boolean {
  return comparisons.some((c) => !c.subpart && c.state === 'inconclusive');
}
