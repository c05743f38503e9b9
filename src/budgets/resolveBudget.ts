import type { BudgetsFile, MetricBudget, ResolvedBudget, Threshold } from './Budgets.js';
import { matchPath } from './matchPath.js';

function thresholdOf(budget: Threshold | undefined): Threshold {
  const threshold: Threshold = {};
  if (budget?.max !== undefined) threshold.max = budget.max;
  if (budget?.warn !== undefined) threshold.warn = budget.warn;
  return threshold;
}

function hasThreshold(budget: Threshold): boolean {
  return budget.max !== undefined || budget.warn !== undefined;
}

/**
 * The budget for one URL: every entry whose path matches applies in file order. For the same metric a
 * later entry's max/warn pair replaces the earlier pair; subpart budgets are replaced per subpart, and the
 * third-party script budget as a whole; a resource category's budget and the score budget as a whole. An `override` entry first discards the budgets of the entries before it. Interactions come from the last matching entry that declares any.
 */
export function resolveBudget(budgets: BudgetsFile, url: string): ResolvedBudget {
  const resolved: ResolvedBudget = { matched: [], metrics: {} };
  for (const entry of budgets.budgets) {
    if (!matchPath(entry.path, url)) continue;
    resolved.matched.push(entry.path);
    if (entry.override) {
      resolved.metrics = {};
      delete resolved.resources;
      delete resolved.performanceScore;
    }
    for (const [name, budget] of Object.entries(entry.metrics ?? {})) {
      const key = name as keyof ResolvedBudget['metrics'];
      const previous = resolved.metrics[key];
      const merged: MetricBudget = thresholdOf(hasThreshold(budget) ? budget : previous);
      const subparts = { ...previous?.subparts, ...budget.subparts };
      if (Object.keys(subparts).length > 0) merged.subparts = subparts;
      const relative = budget.relativeTo ? budget : previous;
      if (relative?.relativeTo) {
        merged.relativeTo = relative.relativeTo;
        if (relative.tolerance !== undefined) merged.tolerance = relative.tolerance;
        if (relative.warnTolerance !== undefined) merged.warnTolerance = relative.warnTolerance;
      }
      const thirdPartyScripts = budget.thirdPartyScripts ?? previous?.thirdPartyScripts;
      if (thirdPartyScripts) merged.thirdPartyScripts = thirdPartyScripts;
      resolved.metrics[key] = merged;
    }
    if (entry.interactions) resolved.interactions = entry.interactions;
    if (entry.resources) resolved.resources = { ...resolved.resources, ...entry.resources };
    if (entry.performanceScore) resolved.performanceScore = entry.performanceScore;
  }
  return resolved;
}
