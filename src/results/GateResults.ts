import type { UrlAggregate } from '../aggregate/aggregateRuns.js';
import type { ResolvedBudget } from '../budgets/Budgets.js';
import type { InteractionProfile } from '../collect/InteractionProfile.js';
import type { LighthouseSummary, RunMeasurement } from '../collect/RunMeasurement.js';
import type { Comparison } from '../compare/compareRuns.js';
import type { FieldOutcome } from '../field/collectFieldData.js';
import type { FieldMatch } from '../field/FieldData.js';
import type { Plan } from '../plan/Plan.js';
import type { Device, Settings } from '../settings/Settings.js';
import type { GateVerdict, UrlVerdict } from '../verdict/Verdict.js';

/** Everything measured and decided for one URL. */
export interface UrlResult {
  url: string;
  /** Every raw run, including failed ones. */
  runs: RunMeasurement[];
  lighthouse?: LighthouseSummary;
  /** The diagnostic run with the CPU profiler on over the interactions (`profile-interactions`). */
  interactionProfile?: InteractionProfile;
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
  /** The device this URL was measured on, when merged shards measured several. */
  device?: Device;
}

/** Which shard of a split a run measured (`shard: K/N`). */
export interface ShardInfo {
  /** 1-based. */
  index: number;
  count: number;
  device: Device;
  /** The URLs assigned to this shard: a merge checks every one was measured. */
  urls: string[];
  /** URL × device items of the whole split: a merge checks the shards agree and cover them all. */
  total: number;
}

/** What a merge of shard results found: the shards merged, and every missing or incomplete one. */
export interface MergeInfo {
  count: number;
  /** Indices (1-based) of the shards whose results were merged. */
  merged: number[];
  /** Each missing, failed or incomplete shard, said plainly; any makes the verdict `error`. */
  problems: string[];
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
  /**
   * Set when the gate was cancelled (SIGTERM, SIGINT): the figures are what was measured until then, and
   * the verdict's status is `cancelled` (no verdict).
   */
  cancelled?: {
    /** E.g. `SIGTERM`. */
    reason: string;
    /** E.g. `4 runs of 1 of 2 pages`. */
    measured: string;
  };
  verdict: GateVerdict;
  /** Set when this run measured one shard of a split. */
  shard?: ShardInfo;
  /** The plan the pages came from (its field data is `field`). */
  plan?: Omit<Plan, 'field'>;
  /** Set on merged results. */
  merge?: MergeInfo;
}
