import type { Comparison } from '../compare/compareRuns.js';
import type { BudgetCheck } from '../verdict/Verdict.js';
import { formatValue } from './formatValue.js';
import { PART_TITLES } from './labels.js';

/** `LCP resource load duration 2,165 ms > 1,500 ms` for a failing or warning check. */
export function describeCheck(check: BudgetCheck): string {
  const limit = check.status === 'fail' ? check.threshold.max : check.threshold.warn;
  if (check.subpart === 'field' && check.fieldP75 !== undefined && limit !== undefined) {
    const percent = Math.round((limit / check.fieldP75 - 1) * 100);
    return `${check.metric} ${formatValue(check.metric, check.value)} > production p75 ${formatValue(check.metric, check.fieldP75)} + ${percent} % (${formatValue(check.metric, limit)})`;
  }
  const part = check.subpart ? ` ${PART_TITLES[check.subpart].toLowerCase()}` : '';
  const name = `${check.metric}${part}${check.basis === 'cpu-profile' ? ' (CPU profile)' : ''}`;
  return `${name} ${formatValue(check.metric, check.value)} > ${formatValue(check.metric, limit)}`;
}

const percent = (value: number) => `${value > 0 ? '+' : ''}${Math.round(value * 100)} %`;

/** `LCP +18 % (95 % CI +12 % to +25 %)`, or the shift in the metric's unit when the baseline is 0. */
export function describeChange(comparison: Comparison): string {
  if (comparison.change !== undefined && comparison.changeCi) {
    return `${percent(comparison.change)} (95 % CI ${percent(comparison.changeCi[0])} to ${percent(comparison.changeCi[1])})`;
  }
  const metric = comparison.metric;
  const sign = comparison.shift > 0 ? '+' : '';
  return `${sign}${formatValue(metric, comparison.shift)}`;
}
