import type { LcpSubpart, TtfbSubpart } from '../metrics/metricDefinitions.js';

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

export interface ClsAttribution {
  largestShiftTarget?: string;
  largestShiftValue?: number;
  largestShiftTime?: number;
}

export interface TtfbAttribution {
  subparts: Record<TtfbSubpart, number>;
  serverTiming: ServerTimingEntry[];
}

/** What one page load in a fresh browser context produced. Times in ms, CLS unitless. */
export interface RunMeasurement {
  /** 0-based index of the run for its URL. */
  index: number;
  url: string;
  startedAt: string;
  /** Wall time of the whole run, for progress and benchmarks. */
  wallMs: number;
  /** HTTP status of the document response. */
  status?: number;
  lcp?: { value: number; attribution: LcpAttribution };
  cls?: { value: number; attribution: ClsAttribution };
  fcp?: { value: number; timeToFirstByte?: number; firstByteToFCP?: number };
  ttfb?: { value: number; attribution: TtfbAttribution };
  /** Set when the run failed; whatever was measured before the failure is kept. */
  error?: string;
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
