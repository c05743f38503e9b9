import type { InteractionProfile } from '../collect/InteractionProfile.js';
import type { LighthouseSummary, RunMeasurement } from '../collect/RunMeasurement.js';
import { runMetricValue } from '../collect/runMetricValue.js';
import {
  INP_SUBPARTS,
  type InpSubpart,
  LCP_SUBPARTS,
  type LcpSubpart,
  type MetricName,
  TTFB_SUBPARTS,
  type TtfbSubpart,
  WEB_VITALS,
} from '../metrics/metricDefinitions.js';
import { type Summary, summarize } from './summarize.js';
import { type ProfileSummary, summarizeProfile } from './summarizeProfile.js';
import { type ResourcesAggregate, summarizeResources } from './summarizeResources.js';
import { type ScriptSummary, summarizeScripts } from './summarizeScripts.js';

/** Medians and spreads of every metric and subpart of one URL. */
export interface UrlAggregate {
  metrics: Partial<Record<MetricName, Summary>>;
  subparts: {
    LCP: Partial<Record<LcpSubpart, Summary>>;
    INP: Partial<Record<InpSubpart, Summary>>;
    TTFB: Partial<Record<TtfbSubpart, Summary>>;
  };
  /** Scripts that ran during the INP interaction, grouped by source over the runs, most time first. */
  scripts: ScriptSummary[];
  /** Third-party script time within the INP interaction. */
  thirdPartyScripts?: Summary;
  /** What the CPU-profiled run credits to each script in its slowest interaction (`profile-interactions`). */
  profiledScripts?: ProfileSummary;
  /** Runs that completed without error: the only ones in the medians. */
  successfulRuns: number;
  /** Runs that failed because of the page (an error status, a frozen page…): any fails the page. */
  pageFailures: number;
  /** Runs in which an interaction step failed. */
  interactionFailures: number;
  /** The Lighthouse performance score (0-100), when the Lighthouse navigation ran. */
  performanceScore?: number;
  /** Bytes and requests per resource category and per file, from the runs' network logs. */
  resources?: ResourcesAggregate;
}

function summarizeSubparts<K extends string>(
  names: readonly K[],
  subpartsOf: (run: RunMeasurement) => Record<K, number> | undefined,
  runs: readonly RunMeasurement[],
): Partial<Record<K, Summary>> {
  const result: Partial<Record<K, Summary>> = {};
  for (const name of names) {
    const summary = summarize(runs.map((run) => subpartsOf(run)?.[name]));
    if (summary) result[name] = summary;
  }
  return result;
}

/**
 * Aggregates the runs of one URL: per metric and subpart the median and IQR over the successful runs that
 * produced it (a failed run's figures never count). TBT comes from the single Lighthouse navigation (n = 1)
 * when there is one.
 */
export function aggregateRuns(
  all: readonly RunMeasurement[],
  lighthouse?: LighthouseSummary,
  interactionProfile?: InteractionProfile,
): UrlAggregate {
  const runs = all.filter((run) => !run.error);
  const metrics: Partial<Record<MetricName, Summary>> = {};
  for (const name of WEB_VITALS) {
    const summary = summarize(runs.map((run) => runMetricValue(run, name)));
    if (summary) metrics[name] = summary;
  }
  const tbt = summarize([lighthouse?.tbt]);
  if (tbt) metrics.TBT = tbt;
  const { scripts, thirdPartyScripts } = summarizeScripts(runs);
  const resources = summarizeResources(runs);
  const profiled = summarizeProfile(interactionProfile);
  return {
    metrics,
    subparts: {
      LCP: summarizeSubparts(LCP_SUBPARTS, (run) => run.lcp?.attribution.subparts, runs),
      INP: summarizeSubparts(INP_SUBPARTS, (run) => run.inp?.attribution.subparts, runs),
      TTFB: summarizeSubparts(TTFB_SUBPARTS, (run) => run.ttfb?.attribution.subparts, runs),
    },
    scripts,
    ...(thirdPartyScripts ? { thirdPartyScripts } : {}),
    ...(profiled ? { profiledScripts: profiled } : {}),
    successfulRuns: runs.length,
    pageFailures: all.filter((run) => run.error && run.failure?.by !== 'tool').length,
    interactionFailures: all.filter((run) => run.interactionError).length,
    ...(resources ? { resources } : {}),
    ...(lighthouse?.performanceScore !== undefined ? { performanceScore: lighthouse.performanceScore } : {}),
  };
}
