import type { Device, Throttling } from '../settings/Settings.js';

/**
 * Seconds one page load, one Lighthouse navigation and one interaction step take on a quiet 2-core runner.
 * Only their ratios matter for balancing shards; their sum matters for `max-minutes`. Sources
 * (docs/benchmarks.md, "Scale"): a throttled mobile load 2.3 s (the measurement on a quiet
 * machine); an unthrottled load 2.2 s (the LCP bench, 2.20–2.33 s per run with a busy core); a throttled
 * desktop load is taken as the mobile one. Lighthouse 9 s is conservative: `npm run bench -- scale` on a
 * loaded machine, scaled by its load-time ratio to 2.3 s, gave 6.3 and 7.6 s. An interaction step 0.3 s
 * is assumed (a press held 50 ms, then waiting for the next paint and a quiet moment).
 */
export const MEASURED_SECONDS = {
  run: { mobile: { device: 2.3, none: 2.2 }, desktop: { device: 2.3, none: 2.2 } },
  lighthouse: { mobile: { device: 9, none: 9 }, desktop: { device: 9, none: 9 } },
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
