import { median } from '../aggregate/quantile.js';
import { mannWhitney } from './mannWhitney.js';

/** What an A/B comparison of one figure concluded. */
export type ComparisonState = 'regression' | 'improvement' | 'unchanged' | 'inconclusive';

export interface SampleComparison {
  state: ComparisonState;
  baselineMedian: number;
  candidateMedian: number;
  /** Hodges–Lehmann shift candidate − baseline, in the figure's unit. */
  shift: number;
  /** 95 % confidence interval of the shift. */
  shiftCi: [number, number];
  /** The shift relative to the baseline median (0.12 = +12 %); undefined when the baseline median is 0. */
  change?: number;
  changeCi?: [number, number];
  /** Two-sided Mann–Whitney p-value. */
  p: number;
  /** Why it is inconclusive, when it is. */
  reason?: string;
}

export interface CompareOptions {
  /** Relative change that matters (0.1 = 10 %). */
  tolerance: number;
  /** Smallest absolute shift that matters, for figures near 0 (ms, or CLS units). */
  minimumShift: number;
  /** Significance level (default 0.05). */
  alpha?: number;
  /** Fewer runs than this on a side is inconclusive (default 3). */
  minimumRuns?: number;
}

/**
 * Compares candidate runs with baseline runs of one figure. A change counts only when it is both larger
 * than the tolerance (relative to the baseline median, and at least `minimumShift`) and significant
 * (Mann–Whitney p < alpha): then it is a regression or an improvement. A change beyond the tolerance that is
 * not significant is inconclusive (more runs may decide); anything within the tolerance is unchanged.
 */
export function compareSamples(
  candidate: readonly number[],
  baseline: readonly number[],
  options: CompareOptions,
): SampleComparison {
  const alpha = options.alpha ?? 0.05;
  const baselineMedian = median(baseline) ?? Number.NaN;
  const candidateMedian = median(candidate) ?? Number.NaN;
  if (candidate.length < (options.minimumRuns ?? 3) || baseline.length < (options.minimumRuns ?? 3)) {
    return {
      state: 'inconclusive',
      baselineMedian,
      candidateMedian,
      shift: candidateMedian - baselineMedian,
      shiftCi: [Number.NaN, Number.NaN],
      p: 1,
      reason: `too few runs (${candidate.length} candidate, ${baseline.length} baseline)`,
    };
  }
  const test = mannWhitney(candidate, baseline);
  const relative = (value: number) => (baselineMedian > 0 ? value / baselineMedian : undefined);
  const change = relative(test.estimate);
  const threshold = Math.max(options.tolerance * baselineMedian, options.minimumShift);
  const beyond = Math.abs(test.estimate) > threshold;
  const significant = test.p < alpha;
  const state: ComparisonState = !beyond
    ? 'unchanged'
    : !significant
      ? 'inconclusive'
      : test.estimate > 0
        ? 'regression'
        : 'improvement';
  const result: SampleComparison = {
    state,
    baselineMedian,
    candidateMedian,
    shift: test.estimate,
    shiftCi: test.ci,
    p: test.p,
  };
  if (change !== undefined) {
    result.change = change;
    result.changeCi = [relative(test.ci[0]) as number, relative(test.ci[1]) as number];
  }
  if (state === 'inconclusive') result.reason = `p = ${test.p.toFixed(3)} ≥ ${alpha}`;
  return result;
}
