import type { Device, Throttling } from '../settings/Settings.js';

/**
 * Seconds one page load, one Lighthouse navigation and one interaction step take, measured by
 * `npm run bench -- scale` on the example site (docs/benchmarks.md): medians on a 2-core runner-sized
 * machine. `none` = unthrottled.
 */
export const MEASURED_SECONDS = {
  run: { mobile: { device: 2.3, none: 1.2 }, desktop: { device: 1.6, none: 1.2 } },
  lighthouse: { mobile: { device: 9, none: 4 }, desktop: { device: 5, none: 4 } },
  interactionStep: 0.3,
} as const;

export interface WorkEstimate {
  device: Device;
  throttling: Throttling;
  runs: number;
  lighthouse: boolean;
  /** Interaction steps of the page's budget (each run performs them). */
  interactionSteps: number;
  /** With a baseline every run is a pair (candidate and baseline loaded on the same runner). */
  baseline: boolean;
}

/** The expected measuring time of one page on one device: its runs (pairs with a baseline), steps and Lighthouse. */
export function estimateSeconds(work: WorkEstimate): number {
  const loads = work.runs * (work.baseline ? 2 : 1);
  const perLoad =
    MEASURED_SECONDS.run[work.device][work.throttling] +
    work.interactionSteps * MEASURED_SECONDS.interactionStep;
  const lighthouse = work.lighthouse ? MEASURED_SECONDS.lighthouse[work.device][work.throttling] : 0;
  return loads * perLoad + lighthouse;
}
