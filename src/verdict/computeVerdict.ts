import type { UrlAggregate } from '../aggregate/aggregateRuns.js';
import type { ResolvedBudget, Threshold } from '../budgets/Budgets.js';
import { type LcpSubpart, METRIC_NAMES } from '../metrics/metricDefinitions.js';
import type { BudgetCheck, GateVerdict, Status, UrlVerdict } from './Verdict.js';

const SEVERITY: Record<Status, number> = { pass: 0, warn: 1, fail: 2 };

/** The more severe of the statuses; pass for none. */
export function worstStatus(statuses: readonly Status[]): Status {
  return statuses.reduce<Status>(
    (worst, status) => (SEVERITY[status] > SEVERITY[worst] ? status : worst),
    'pass',
  );
}

/** Compares one value with one threshold: above max fails, above warn warns (equal passes). */
export function checkThreshold(value: number | undefined, threshold: Threshold): BudgetCheck['status'] {
  if (value === undefined) return 'not-measured';
  if (threshold.max !== undefined && value > threshold.max) return 'fail';
  if (threshold.warn !== undefined && value > threshold.warn) return 'warn';
  return 'pass';
}

/** Checks every budgeted metric and subpart of one URL against its medians. */
export function verdictForUrl(url: string, aggregate: UrlAggregate, budget: ResolvedBudget): UrlVerdict {
  const checks: BudgetCheck[] = [];
  for (const metric of METRIC_NAMES) {
    const metricBudget = budget.metrics[metric];
    if (!metricBudget) continue;
    const threshold: Threshold = { max: metricBudget.max, warn: metricBudget.warn };
    if (metricBudget.max !== undefined || metricBudget.warn !== undefined) {
      const value = aggregate.metrics[metric]?.median;
      checks.push({ metric, value, threshold, status: checkThreshold(value, threshold) });
    }
    for (const [subpart, subThreshold] of Object.entries(metricBudget.subparts ?? {})) {
      const value = aggregate.lcpSubparts[subpart as LcpSubpart]?.median;
      checks.push({
        metric,
        subpart: subpart as LcpSubpart,
        value,
        threshold: subThreshold,
        status: checkThreshold(value, subThreshold),
      });
    }
  }
  const problems: string[] = [];
  if (aggregate.successfulRuns === 0) problems.push('no run succeeded: nothing was measured');
  const statuses = checks.flatMap((check) => (check.status === 'not-measured' ? [] : [check.status]));
  return {
    url,
    status: problems.length > 0 ? 'fail' : worstStatus(statuses),
    checks,
    problems,
  };
}

/** The gate's verdict: the worst status over every URL. */
export function computeVerdict(urls: readonly UrlVerdict[]): GateVerdict {
  return { status: worstStatus(urls.map((url) => url.status)), urls: [...urls] };
}
