import type { InteractionStep } from '../budgets/InteractionStep.js';
import type { InteractionProfile } from './InteractionProfile.js';
import type { Ahead } from './PagePool.js';
import type { LighthouseSummary, RunMeasurement } from './RunMeasurement.js';

/** The result of one Lighthouse navigation: the summary and its HTML report. */
export interface LighthouseOutcome {
  summary: LighthouseSummary;
  html?: string;
}

/** What to do in a run beyond loading the page. */
export interface RunPlan {
  /** Steps performed after load; INP is measured over them. */
  interactions?: readonly InteractionStep[];
}

/**
 * What the gate needs from a browser. The real one drives Chrome; tests of the gate logic pass their own.
 * Runs are made one after another, never concurrently.
 */
export interface Measurer {
  /** E.g. `Chrome/156.0.8078.73`. */
  readonly browserVersion: string;
  /**
   * One page load in a fresh browser context. Never throws for page failures: they land in `error`.
   * `ahead`: the pages the next steps need (default: a run's), opened while this run's context closes.
   */
  measure(url: string, index: number, plan?: RunPlan, ahead?: Ahead): Promise<RunMeasurement>;
  /** One Lighthouse navigation for diagnostics. Never throws: failures land in `summary.error`. */
  lighthouse(url: string): Promise<LighthouseOutcome>;
  /**
   * One diagnostic run with the CPU profiler on over the plan's interactions (third-party time inside
   * first-party handlers). Never throws: failures land in `error`. Absent where profiling is not possible.
   */
  profileInteractions?(url: string, plan: RunPlan): Promise<InteractionProfile>;
  close(): Promise<void>;
}
