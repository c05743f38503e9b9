import type { UrlAggregate } from '../aggregate/aggregateRuns.js';
import type { MetricBudget, ResolvedBudget, Threshold } from '../budgets/Budgets.js';
import type { Comparison } from '../compare/compareRuns.js';
import type { FieldMatch } from '../field/FieldData.js';
import { METRIC_NAMES } from '../metrics/metricDefinitions.js';
import { checkThreshold } from './checkThreshold.js';
import { resourceChecks } from './resourceChecks.js';
import { scoreCheck } from './scoreCheck.js';
import { thirdPartyScriptTime } from './thirdPartyScriptTime.js';
import type { BudgetCheck, CheckPart, GateVerdict, Status, UrlVerdict } from './Verdict.js';

export { checkThreshold };

const SEVERITY: Record<Status, number> = { pass: 0, warn: 1, fail: 2 };

/** The more severe of the statuses; pass for none. */
export function worstStatus(statuses: readonly Status[]): Status {
  return statuses.reduce<Status>(
    (worst, status) => (SEVERITY[status] > SEVERITY[worst] ? status : worst),
    'pass',
  );
}

/** The limits a relative budget derives from a production p75: p75 × (1 + tolerance / 100). */
export function fieldThreshold(budget: MetricBudget, p75: number): Threshold {
  const threshold: Threshold = {};
  if (budget.tolerance !== undefined) threshold.max = p75 * (1 + budget.tolerance / 100);
  if (budget.warnTolerance !== undefined) threshold.warn = p75 * (1 + budget.warnTolerance / 100);
  return threshold;
}

/**
 * Checks every budgeted metric and subpart of one URL against its medians, and the metrics budgeted
 * `relativeTo: "rum"` against the production p75 of the page's field data (not measured without it).
 */
export function verdictForUrl(
  url: string,
  aggregate: UrlAggregate,
  budget: ResolvedBudget,
  field?: FieldMatch,
  comparisons: readonly Comparison[] = [],
): UrlVerdict {
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
    for (const [subpart, threshold, value] of partChecks) {
      checks.push({ metric, subpart, value, threshold, status: checkThreshold(value, threshold) });
    }
    if (metric === 'INP' && metricBudget.thirdPartyScripts) {
      const threshold = metricBudget.thirdPartyScripts;
      const third = thirdPartyScriptTime(aggregate);
      checks.push({
        metric,
        subpart: 'thirdPartyScripts',
        value: third?.value,
        threshold,
        status: checkThreshold(third?.value, threshold),
        ...(third ? { basis: third.basis } : {}),
      });
    }
    if (metricBudget.relativeTo === 'rum' && metric !== 'TBT') {
      const p75 = field?.status === 'found' ? field.page.metrics[metric]?.p75 : undefined;
      const value = aggregate.metrics[metric]?.median;
      const threshold = p75 === undefined ? {} : fieldThreshold(metricBudget, p75);
      checks.push({
        metric,
        subpart: 'field',
        value,
        threshold,
        status: p75 === undefined ? 'not-measured' : checkThreshold(value, threshold),
        ...(p75 === undefined ? {} : { fieldP75: p75 }),
      });
    }
  }
  const problems: string[] = [];
  if (aggregate.successfulRuns === 0) problems.push('no run succeeded: nothing was measured');
  else if (aggregate.pageFailures > 0) {
    // A page that breaks in some runs is broken: the runs that worked do not make it pass.
    problems.push(
      `${aggregate.pageFailures} run${aggregate.pageFailures === 1 ? '' : 's'} failed because of the page`,
    );
  }
  if (aggregate.interactionFailures > 0) {
    problems.push(`interaction steps failed in ${aggregate.interactionFailures} run(s): INP is incomplete`);
  }
  const resources = resourceChecks(aggregate.resources, budget);
  const score = scoreCheck(aggregate.performanceScore, budget);
  const statuses = [...checks, ...resources, ...(score ? [score] : [])].flatMap((check) =>
    check.status === 'not-measured' ? [] : [check.status],
  );
  // Against a baseline, a significant regression beyond the tolerance fails; an inconclusive one warns.
  for (const comparison of comparisons) {
    if (comparison.subpart) continue;
    if (comparison.state === 'regression') statuses.push('fail');
    if (comparison.state === 'inconclusive') statuses.push('warn');
  }
  return {
    url,
    status: problems.length > 0 ? 'fail' : worstStatus(statuses),
    checks,
    ...(resources.length ? { resources } : {}),
    ...(score ? { score } : {}),
    problems,
  };
}

/** The gate's verdict: the worst status over every URL. */
export function computeVerdict(urls: readonly UrlVerdict[]): GateVerdict {
  return { status: worstStatus(urls.map((url) => url.status)), urls: [...urls] };
}
