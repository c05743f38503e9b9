/** One cumulative bucket of a classic Prometheus histogram: observations ≤ `le`. */
export interface Bucket {
  le: number;
  count: number;
}

/**
 * The q-quantile of a classic histogram, computed the way Prometheus's `histogram_quantile` does: buckets
 * sorted by upper bound, linear interpolation inside the bucket where the rank falls, the lowest bucket
 * starting at 0 (when its bound is positive), and the bound of the second-highest bucket when the rank falls
 * in the +Inf bucket. Undefined without observations or without a +Inf bucket.
 */
export function histogramQuantile(q: number, buckets: readonly Bucket[]): number | undefined {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const last = sorted.at(-1);
  if (!last || last.le !== Number.POSITIVE_INFINITY || sorted.length < 2) return undefined;
  const total = last.count;
  if (!(total > 0)) return undefined;
  const rank = q * total;
  let index = sorted.findIndex((bucket) => bucket.count >= rank);
  if (index === -1) index = sorted.length - 1;
  if (index === sorted.length - 1) return (sorted[sorted.length - 2] as Bucket).le;
  const bucket = sorted[index] as Bucket;
  if (index === 0 && bucket.le <= 0) return bucket.le;
  const lowerBound = index === 0 ? 0 : (sorted[index - 1] as Bucket).le;
  const lowerCount = index === 0 ? 0 : (sorted[index - 1] as Bucket).count;
  const inBucket = bucket.count - lowerCount;
  if (inBucket <= 0) return bucket.le;
  return lowerBound + (bucket.le - lowerBound) * ((rank - lowerCount) / inBucket);
}
