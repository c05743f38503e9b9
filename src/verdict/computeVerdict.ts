import type { UrlAggregate } from '../aggregate/aggregateRuns.js';
import type { ResolvedBudget, Threshold } from '../budgets/Budgets.js';
import { METRIC_NAMES } from '../metrics/metricDefinitions.js';
import type { BudgetCheck, CheckPart, GateVerdict, Status, UrlVerdict } from './Verdict.js';

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
    const subpartSummaries: Record<string, { median: number } | undefined> =
      metric === 'LCP' || metric === 'INP' ? aggregate.subparts[metric] : {};
    const partChecks: [CheckPart, Threshold, number | undefined][] = Object.entries(
      metricBudget.subparts ?? {},
    ).map(([subpart, threshold]) => [subpart as CheckPart, threshold, subpartSummaries[subpart]?.median]);
    if (metric === 'INP' && metricBudget.thirdPartyScripts) {
      partChecks.push([
        'thirdPartyScripts',
        metricBudget.thirdPartyScripts,
        aggregate.thirdPartyScripts?.median,
      ]);
    }
    for (const [subpart, threshold, value] of partChecks) {
      checks.push({ metric, subpart, value, threshold, status: checkThreshold(value, threshold) });
    }
  }
  const problems: string[] = [];
  if (aggregate.successfulRuns === 0) problems.push('no run succeeded: nothing was measured');
  if (aggregate.interactionFailures > 0) {
    problems.push(`interaction steps failed in ${aggregate.interactionFailures} run(s): INP is incomplete`);
  }
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
