import type { RunMeasurement } from '../collect/RunMeasurement.js';

/** The run whose value is nearest the median: the one whose attribution explains the median best. */
export function representativeRun(
  runs: readonly RunMeasurement[],
  metricOf: (run: RunMeasurement) => number | undefined,
  median: number,
): RunMeasurement | undefined {
  let best: RunMeasurement | undefined;
  for (const run of runs) {
    const value = metricOf(run);
    if (value === undefined) continue;
    const bestValue = best ? (metricOf(best) as number) : Number.POSITIVE_INFINITY;
    if (Math.abs(value - median) < Math.abs(bestValue - median)) best = run;
  }
  return best;
}
