import type { MetricName } from '../metrics/metricDefinitions.js';
import type { UrlResult } from '../results/GateResults.js';
import type { BudgetCheck } from '../verdict/Verdict.js';

export function metricCheck(result: UrlResult, metric: MetricName): BudgetCheck | undefined {
  return result.verdict.checks.find((check) => check.metric === metric && !check.subpart);
}

/** The metric's own verdict: the worse of its absolute check and its check against production p75. */
export function metricStatus(result: UrlResult, metric: MetricName): BudgetCheck['status'] | undefined {
  const checks = result.verdict.checks.filter(
    (check) => check.metric === metric && (!check.subpart || check.subpart === 'field'),
  );
  for (const status of ['fail', 'warn', 'pass', 'not-measured'] as const) {
    if (checks.some((check) => check.status === status)) return status;
  }
  return undefined;
}
