import { METRIC_NAMES, METRICS } from '../metrics/metricDefinitions.js';
import type { BudgetsFile, MetricBudget } from './Budgets.js';

/**
 * The budgets used when no budgets file is given: each metric warns when its median leaves "good" and fails
 * when it reaches "poor", by the web-vitals thresholds (TBT: Lighthouse's).
 */
export function defaultBudgets(): BudgetsFile {
  const metrics: Record<string, MetricBudget> = {};
  for (const name of METRIC_NAMES) {
    const [good, poor] = METRICS[name].thresholds;
    metrics[name] = { warn: good, max: poor };
  }
  return {
    source: 'default Core Web Vitals thresholds (no budgets file given)',
    budgets: [{ path: '/**', metrics }],
  };
}
