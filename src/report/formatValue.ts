import type { Threshold } from '../budgets/Budgets.js';
import { METRICS, type MetricName, type Rating } from '../metrics/metricDefinitions.js';
import type { BudgetCheck } from '../verdict/Verdict.js';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A time in ms as `1,234 ms`, or a CLS score as `0.123`. */
export function formatValue(metric: MetricName, value: number | undefined): string {
  if (value === undefined) return '–';
  if (METRICS[metric].unit === 'unitless') return value.toFixed(3);
  return `${integer.format(value)} ms`;
}

/** `≤ 2,500 ms (warn > 2,000 ms)` for a threshold; `–` for none. */
export function formatThreshold(metric: MetricName, threshold: Threshold | undefined): string {
  if (!threshold || (threshold.max === undefined && threshold.warn === undefined)) return '–';
  const parts: string[] = [];
  if (threshold.max !== undefined) parts.push(`≤ ${formatValue(metric, threshold.max)}`);
  if (threshold.warn !== undefined) parts.push(`warn > ${formatValue(metric, threshold.warn)}`);
  return parts.join(', ');
}

export const STATUS_LABEL: Record<BudgetCheck['status'], string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  'not-measured': '➖ not measured',
};

export const RATING_LABEL: Record<Rating, string> = {
  good: '🟢 good',
  'needs-improvement': '🟠 needs improvement',
  poor: '🔴 poor',
};

/** A proportional text bar of `width` cells for a share between 0 and 1. */
export function textBar(share: number, width = 20): string {
  const clamped = Math.min(1, Math.max(0, share));
  const filled = Math.round(clamped * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}
