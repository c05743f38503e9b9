import type { Device, RumSettings, Throttling } from './Settings.js';

/** What the user asked of a plan (`top`, `min-share`, `include`, `exclude`, `urls`, `max-minutes`). */
export interface PlanFilters {
  /** Keep the N highest scores (the `always` pages come on top). */
  top?: number;
  /** Drop pages (routes) with less than this fraction (0-1) of page views. */
  minShare?: number;
  /** Path patterns (`*`, `**`): only pages matching one are candidates. */
  include?: string[];
  /** Path patterns: pages matching one are never candidates. */
  exclude?: string[];
  /** Paths (or URLs) measured whatever their score. */
  always?: string[];
  /** Wall-time target per shard, in minutes. */
  maxMinutes?: number;
}

/** Every option of `vitals-gate plan` / `mode: plan`, parsed once. */
export interface PlanSettings {
  rum: RumSettings;
  /** The device measured when CrUX gives no form factors. */
  device: Device;
  throttling: Throttling;
  /** Runs per page the time estimate assumes. */
  runs: number;
  lighthouse: boolean;
  /** The production origin whose CrUX form factors choose the devices (baseline-url, else base-url). */
  origin?: string;
  /** A baseline doubles the loads of every run: the estimate counts pairs. */
  baseline: boolean;
  budgetsPath?: string;
  filters: PlanFilters;
  outputDir: string;
}
