import type { FieldMetric } from '../field/FieldData.js';
import { type MetricName, rateMetric } from '../metrics/metricDefinitions.js';
import type { UrlResult } from '../results/GateResults.js';
import type { BudgetCheck } from '../verdict/Verdict.js';
import { formatThreshold, formatValue } from './formatValue.js';

const RATING_ICON = { good: '🟢', 'needs-improvement': '🟠', poor: '🔴' } as const;

/** `2,300 ms 🟢 (origin)` for the page's production p75 of a metric. */
export function fieldCell(result: UrlResult, metric: MetricName): string {
  if (result.field?.status !== 'found' || metric === 'TBT') return '–';
  const value = result.field.page.metrics[metric as FieldMetric];
  if (!value) return '–';
  const origin = result.field.page.scope === 'origin' ? ' (origin)' : '';
  return `${formatValue(metric, value.p75)} ${RATING_ICON[rateMetric(metric, value.p75)]}${origin}`;
}

/** `+12 %`: the lab median relative to the production p75. */
export function labVersusField(result: UrlResult, metric: MetricName): string {
  const median = result.aggregate.metrics[metric]?.median;
  const p75 =
    result.field?.status === 'found' ? result.field.page.metrics[metric as FieldMetric]?.p75 : undefined;
  if (median === undefined || p75 === undefined || metric === 'TBT') return '–';
  if (p75 === 0) return median === 0 ? '±0 %' : '–';
  const change = Math.round((median / p75 - 1) * 100);
  return `${change > 0 ? '+' : change === 0 ? '±' : ''}${change} %`;
}

export function budgetCell(result: UrlResult, metric: MetricName, check: BudgetCheck | undefined): string {
  const relative = result.verdict.checks.find((c) => c.metric === metric && c.subpart === 'field');
  const budget = result.budget.metrics[metric];
  const parts = [formatThreshold(metric, check?.threshold)].filter((part) => part !== '–');
  if (relative && budget?.tolerance !== undefined) {
    const warn = budget.warnTolerance !== undefined ? `, warn > p75 + ${budget.warnTolerance} %` : '';
    parts.push(`≤ p75 + ${budget.tolerance} %${warn}`);
  }
  return parts.join('; ') || '–';
}
