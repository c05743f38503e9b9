import type { ResourceCheck, ScoreCheck } from '../verdict/Verdict.js';
import { formatBytes, formatKiB } from './formatBytes.js';

/** `script 290 KiB > 250 KiB` (with the bytes when the KiB read the same), or `third-party 12 requests > 10` for a failing or warning resource check. */
export function describeResourceCheck(check: ResourceCheck): string {
  const limit = (check.status === 'fail' ? check.threshold.max : check.threshold.warn) ?? 0;
  const value = check.value ?? 0;
  if (check.measure === 'requests') return `${check.category} ${value} requests > ${limit}`;
  // Just over a limit, KiB to one decimal can read the same on both sides: then the bytes say it.
  const same = formatKiB(value) === formatKiB(limit);
  const exact = (bytes: number) => (same ? ` (${formatBytes(bytes)})` : '');
  return `${check.category} ${formatKiB(value)}${exact(value)} > ${formatKiB(limit)}${exact(limit)}`;
}

/** `Lighthouse performance score 82 < 90` for a failing or warning score check. */
export function describeScoreCheck(check: ScoreCheck): string {
  const limit = check.status === 'fail' ? check.limits.min : check.limits.warn;
  return `Lighthouse performance score ${check.value ?? '–'} < ${limit ?? '–'}`;
}
