import type { Ahead } from '../collect/PagePool.js';

/** What the gate does for one URL measured `runs` times in a row, and whether another URL follows. */
export interface UrlSteps {
  runs: number;
  /** A Lighthouse navigation comes after the runs (and after the profiled run, if any). */
  lighthouse: boolean;
  /** Another URL follows this one: its first step is a run. */
  moreUrls: boolean;
}

/**
 * The pages to have ready when run `index` (0-based) has closed, so that the browser opens them while
 * nothing is measured: the next run's; before the last run, Lighthouse's as well (the last run then ends
 * with no Lighthouse page to open); after the last run, the next URL's first run page (it waits through
 * Lighthouse).
 */
export function aheadOfRun(index: number, steps: UrlSteps): Ahead {
  if (index < steps.runs - 1) return { run: true, lighthouse: steps.lighthouse && index === steps.runs - 2 };
  return { run: steps.moreUrls, lighthouse: steps.lighthouse };
}
