import { quantile } from './quantile.js';

/** Median and spread of one figure over the runs of a URL. */
export interface Summary {
  /** Number of runs that produced the figure. */
  n: number;
  median: number;
  p25: number;
  p75: number;
  /** Interquartile range p75 - p25: the spread figure reported next to the median. */
  iqr: number;
  min: number;
  max: number;
}

/** Summarises the defined values; undefined when none are. */
export function summarize(values: readonly (number | undefined)[]): Summary | undefined {
  const present = values.filter(
    (value): value is number => typeof value === 'number' && Number.isFinite(value),
  );
  if (present.length === 0) return undefined;
  const p25 = quantile(present, 0.25) as number;
  const p75 = quantile(present, 0.75) as number;
  return {
    n: present.length,
    median: quantile(present, 0.5) as number,
    p25,
    p75,
    iqr: p75 - p25,
    min: Math.min(...present),
    max: Math.max(...present),
  };
}
