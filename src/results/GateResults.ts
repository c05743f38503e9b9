import type { UrlAggregate } from '../aggregate/aggregateRuns.js';
import type { ResolvedBudget } from '../budgets/Budgets.js';
import type { LighthouseSummary, RunMeasurement } from '../collect/RunMeasurement.js';
import type { Comparison } from '../compare/compareRuns.js';
import type { FieldOutcome } from '../field/collectFieldData.js';
import type { FieldMatch } from '../field/FieldData.js';
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
  /** This page's production field data, when a source was configured. */
  field?: FieldMatch;
  /** The interleaved A/B comparison with the baseline, when `baseline-url` is set. */
  baseline?: {
    url: string;
    runs: RunMeasurement[];
    aggregate: UrlAggregate;
    /** Run pairs made (more than `runs` when comparisons were inconclusive). */
    pairs: number;
    comparisons: Comparison[];
  };
  verdict: UrlVerdict;
}

/** The content of results.json: settings, every run, aggregates and verdicts. */
export interface GateResults {
  schemaVersion: 1;
  tool: { name: 'vitals-gate'; version: string };
  startedAt: string;
  finishedAt: string;
  /** The settings, secrets masked. */
  settings: Settings;
  environment: {
    browser?: string;
    node: string;
    /** Human description of the emulated device and throttling. */
    profile: string;
  };
  budgetsSource: string;
  /** The production field data read for this run, or why there is none. */
  field: FieldOutcome;
  urls: UrlResult[];
  verdict: GateVerdict;
}
