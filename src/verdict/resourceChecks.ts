import type { ResourcesAggregate } from '../aggregate/summarizeResources.js';
import type { ResolvedBudget } from '../budgets/Budgets.js';
import { RESOURCE_CATEGORIES } from '../budgets/Budgets.js';
import { checkThreshold } from './checkThreshold.js';
import type { ResourceCheck } from './Verdict.js';

const KiB = 1024;

/**
 * Checks each budgeted resource category: its median bytes on the wire against the KiB limits (as bytes:
 * 1 KiB = 1024 bytes), its median request count against the request limits. Not measured without a
 * network log.
 */
export function resourceChecks(
  resources: ResourcesAggregate | undefined,
  budget: ResolvedBudget,
): ResourceCheck[] {
  const checks: ResourceCheck[] = [];
  for (const category of RESOURCE_CATEGORIES) {
    const limits = budget.resources?.[category];
    if (!limits) continue;
    const figures = resources?.categories[category];
    if (limits.max !== undefined || limits.warn !== undefined) {
      const threshold = {
        ...(limits.max !== undefined ? { max: limits.max * KiB } : {}),
        ...(limits.warn !== undefined ? { warn: limits.warn * KiB } : {}),
      };
      const value = figures?.transferBytes;
      checks.push({ category, measure: 'bytes', value, threshold, status: checkThreshold(value, threshold) });
    }
    if (limits.maxRequests !== undefined || limits.warnRequests !== undefined) {
      const threshold = {
        ...(limits.maxRequests !== undefined ? { max: limits.maxRequests } : {}),
        ...(limits.warnRequests !== undefined ? { warn: limits.warnRequests } : {}),
      };
      const value = figures?.requests;
      checks.push({
        category,
        measure: 'requests',
        value,
        threshold,
        status: checkThreshold(value, threshold),
      });
    }
  }
  return checks;
}
