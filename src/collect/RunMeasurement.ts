import type { InpSubpart, LcpSubpart, TtfbSubpart } from '../metrics/metricDefinitions.js';
import type { NetworkLog } from './recordNetwork.js';

/** A Server-Timing entry of the document response, as the page saw it. */
export interface ServerTimingEntry {
  name: string;
  duration: number;
  description: string;
}

export interface LcpAttribution {
  /** CSS selector of the LCP element (from the page: untrusted). */
  target?: string;
  /** URL of the LCP resource, absent for text (from the page: untrusted). */
  url?: string;
  /** `img`, `css`, `video`… (the resource's initiator type) or `text`. */
  resourceType?: string;
  subparts: Record<LcpSubpart, number>;
}

/** A node moved by the largest layout shift, with where it was and where it went (CSS px). */
export interface ShiftSource {
  /** CSS selector of the shifted node (from the page: untrusted). */
  selector: string;
  previousRect: { x: number; y: number; width: number; height: number };
  currentRect: { x: number; y: number; width: number; height: number };
}

export interface ClsAttribution {
  largestShiftTarget?: string;
  largestShiftValue?: number;
  largestShiftTime?: number;
  /** The nodes the largest shift moved (up to five). */
  sources?: ShiftSource[];
}

/**
 * A script of a long animation frame that overlapped the INP interaction, as the page reported it
 * (`PerformanceScriptTiming`), with how much of it fell in each INP subpart.
 */
export interface ScriptTiming {
  /** URL of the script's source; the document's URL for inline scripts (untrusted). */
  sourceURL: string;
  /** What ran it, e.g. `BUTTON#buy.onclick` or `https://x.example/a.js` (untrusted). */
  invoker: string;
  invokerType: string;
  sourceFunctionName: string;
  duration: number;
  forcedStyleAndLayoutDuration: number;
  /** Milliseconds of the script within each INP subpart's time window. */
  overlap: Record<InpSubpart, number>;
}

export interface InpAttribution {
  /** Selector of the element interacted with, or the longest script's invoker when headless leaves it empty. */
  interactionTarget?: string;
  /** Where `interactionTarget` came from: the event (the element) or, as a fallback, a script's invoker. */
  interactionTargetSource?: 'event' | 'invoker';
  interactionType?: string;
  loadState?: string;
  subparts: Record<InpSubpart, number>;
  scripts: ScriptTiming[];
}

export interface TtfbAttribution {
  subparts: Record<TtfbSubpart, number>;
  serverTiming: ServerTimingEntry[];
}

/**
 * Where a run's wall time went, in ms: opening and preparing the page (`context`), loading it to the load
 * event (`navigation`), waiting for it to settle after load and after interactions (`waits`), the
 * interactions themselves (`interactions`), and reading the browser's LCP record and closing (`collection`).
 * These five add up to the run's wall time.
 */
export interface RunTimings {
  context: number;
  navigation: number;
  waits: number;
  /** Of `waits`, the time after the page's last activity: the quiet windows that end the waits. */
  quiet: number;
  interactions: number;
  collection: number;
  /** Of `collection`, closing the run's context while the next run's page opens and is set up. */
  closing: number;
}

/**
 * Why a run failed. The page's failures (an error status, a protection wall or another host, a broken
 * document transfer, a frozen main thread, too slow, nothing painted) fail the page; the measurement's own
 * (Chrome dropped an LCP candidate, the tab was hidden) and a cancelled run are only left out.
 */
export type FailureKind =
  | 'http-error'
  | 'protected'
  | 'other-host'
  | 'broken-transfer'
  | 'frozen'
  | 'timeout'
  | 'nothing-painted'
  | 'other'
  | 'lcp-unreported'
  | 'hidden'
  | 'cancelled';

export interface RunFailure {
  /** `page`: the page's doing, which fails the page; `tool`: the measurement's, left out. */
  by: 'page' | 'tool';
  kind: FailureKind;
}

/** What one page load in a fresh browser context produced. Times in ms, CLS unitless. */
export interface RunMeasurement {
  /** 0-based index of the run for its URL. */
  index: number;
  url: string;
  startedAt: string;
  /** Wall time of the whole run, for progress and benchmarks. */
  wallMs: number;
  /** How `wallMs` splits up (the run's tool overhead is everything but the page's own time). */
  timings?: RunTimings;
  /** HTTP status of the document response. */
  status?: number;
  lcp?: { value: number; attribution: LcpAttribution };
  cls?: { value: number; attribution: ClsAttribution };
  fcp?: { value: number; timeToFirstByte?: number; firstByteToFCP?: number };
  ttfb?: { value: number; attribution: TtfbAttribution };
  /** Absent when no interaction was performed (INP is then "not measured", never 0). */
  inp?: { value: number; attribution: InpAttribution };
  /** How many interaction steps ran to completion. */
  interactionSteps?: number;
  /** Why an interaction step failed; the load metrics of the run are still valid. */
  interactionError?: string;
  /** The W3C `traceparent` header sent with this run's document request. */
  traceparent?: string;
  /** Set when the run failed; whatever was measured before the failure is kept (never in medians). */
  error?: string;
  /** Whose failure it was, when `error` is set. */
  failure?: RunFailure;
  /** Dialogs the page opened (`alert: "text"`), each dismissed. */
  dialogs?: string[];
  /** The document's redirect chain (first the URL asked for, last the final one), when it redirected. */
  redirects?: string[];
  /** Why the page was loaded a second time for this run (the first load's LCP was not trustworthy). */
  remeasured?: string;
  /**
   * Set when this run's LCP is kept without Chrome's own record confirming it: the record missed a loaded
   * image larger than the reported element (and the page was not loaded again, or the second load showed the
   * same), or the record could not be read in time. The LCP may be a smaller element than the one users see.
   */
  lcpAnomaly?: string;
  /** Every request of the run with its bytes, for resource budgets. */
  network?: NetworkLog;
}

/** One Lighthouse navigation's diagnostics for a URL. */
export interface LighthouseSummary {
  /** Performance category score, 0-100. */
  performanceScore?: number;
  /** Total Blocking Time in ms (Lighthouse, simulated throttling). */
  tbt?: number;
  /** Path of the HTML report, relative to the output folder. */
  reportFile?: string;
  lighthouseVersion?: string;
  error?: string;
}
