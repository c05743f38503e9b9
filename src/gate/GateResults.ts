import type { UrlAggregate } from '../aggregate/aggregateRuns.js';
import type { ResolvedBudget } from '../budgets/Budgets.js';
import type { LighthouseSummary, RunMeasurement } from '../collect/RunMeasurement.js';
import type { Settings } from '../settings/Settings.js';
import type { GateVerdict, UrlVerdict } from '../verdict/Verdict.js';

/** Everything measured and decided for one URL. */
export interface UrlResult {
  url: string;
  /** Every raw run, including failed ones. */
  runs: RunMeasurement[];
  lighthouse?: LighthouseSummary;
  aggregate: UrlAggregate;
  budget: ResolvedBudget;
  verdict: UrlVerdict;
}

/** The content of results.json: settings, every run, aggregates and verdicts. */
export interface GateResults {
  schemaVersion: 1;
  tool: { name: 'vitals-gate'; version: string };
  startedAt: string;
  finishedAt: string;
  settings: Settings;
  environment: {
    browser?: string;
    node: string;
    /** Human description of the emulated device and throttling. */
    profile: string;
  };
  budgetsSource: string;
  urls: UrlResult[];
  verdict: GateVerdict;
}
