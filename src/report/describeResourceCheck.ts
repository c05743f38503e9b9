import type { ResourceCheck, ScoreCheck } from '../verdict/Verdict.js';
import { formatKiB } from './formatBytes.js';

/** `script 290 KiB > 250 KiB` or `third-party 12 requests > 10` for a failing or warning resource check. */
export function describeResourceCheck(check: ResourceCheck): string {
  const limit = (check.status === 'fail' ? check.threshold.max : check.threshold.warn) ?? 0;
  const value = check.value ?? 0;
  return check.measure === 'bytes'
    ? `${check.category} ${formatKiB(value)} > ${formatKiB(limit)}`
    : `${check.category} ${value} requests > ${limit}`;
}

/** `Lighthouse performance score 82 < 90` for a failing or warning score check. */
export function describeScoreCheck(check: ScoreCheck): string {
  const limit = check.status === 'fail' ? check.limits.min : check.limits.warn;
  return `Lighthouse performance score ${check.value ?? '–'} < ${limit ?? '–'}`;
}
