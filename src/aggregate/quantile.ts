/**
 * The q-quantile of the values by linear interpolation between order statistics (R's type 7, numpy's
 * default): the median of [1, 2, 3, 4] is 2.5. Returns undefined for no values.
 */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const lowerValue = sorted[lower] as number;
  const upperValue = sorted[upper] as number;
  return lowerValue + (upperValue - lowerValue) * (position - lower);
}

/** The median (the 0.5-quantile above): the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number | undefined {
  return quantile(values, 0.5);
}
