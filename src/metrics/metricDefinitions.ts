import { CLSThresholds, FCPThresholds, INPThresholds, LCPThresholds, TTFBThresholds } from 'web-vitals';

/** The metrics vitals-gate measures and gates on. */
export const METRIC_NAMES = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB', 'TBT'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/**
 * The metrics web-vitals reports: each run measures them in the page, and production RUM gives their p75.
 * TBT is Lighthouse's, from the lab only.
 */
export const WEB_VITALS = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const;
export type WebVitalName = (typeof WEB_VITALS)[number];

/** The four LCP subparts of the web-vitals attribution build; they add up to LCP. */
export const LCP_SUBPARTS = [
  'timeToFirstByte',
  'resourceLoadDelay',
  'resourceLoadDuration',
  'elementRenderDelay',
] as const;
export type LcpSubpart = (typeof LCP_SUBPARTS)[number];

/** The three INP subparts of the web-vitals attribution build; they add up to INP. */
export const INP_SUBPARTS = ['inputDelay', 'processingDuration', 'presentationDelay'] as const;
export type InpSubpart = (typeof INP_SUBPARTS)[number];

/** TTFB subparts of the web-vitals attribution build (v5+); they add up to TTFB. */
export const TTFB_SUBPARTS = [
  'waitingDuration',
  'cacheDuration',
  'dnsDuration',
  'connectionDuration',
  'requestDuration',
] as const;
export type TtfbSubpart = (typeof TTFB_SUBPARTS)[number];

export type Rating = 'good' | 'needs-improvement' | 'poor';

export interface MetricDefinition {
  name: MetricName;
  /** Human name for reports. */
  title: string;
  /** `ms` for times, `unitless` for CLS. */
  unit: 'ms' | 'unitless';
  /** Upper bound of "good" (inclusive) and of "needs improvement" (inclusive). */
  thresholds: readonly [good: number, poor: number];
  /** Where the thresholds come from. */
  thresholdSource: string;
}

/** Thresholds imported from web-vitals (`LCPThresholds` …) and, for TBT, Lighthouse's scoring curve. */
export const METRICS: Readonly<Record<MetricName, MetricDefinition>> = {
  LCP: {
    name: 'LCP',
    title: 'Largest Contentful Paint',
    unit: 'ms',
    thresholds: LCPThresholds,
    thresholdSource: 'web-vitals',
  },
  INP: {
    name: 'INP',
    title: 'Interaction to Next Paint',
    unit: 'ms',
    thresholds: INPThresholds,
    thresholdSource: 'web-vitals',
  },
  CLS: {
    name: 'CLS',
    title: 'Cumulative Layout Shift',
    unit: 'unitless',
    thresholds: CLSThresholds,
    thresholdSource: 'web-vitals',
  },
  FCP: {
    name: 'FCP',
    title: 'First Contentful Paint',
    unit: 'ms',
    thresholds: FCPThresholds,
    thresholdSource: 'web-vitals',
  },
  TTFB: {
    name: 'TTFB',
    title: 'Time to First Byte',
    unit: 'ms',
    thresholds: TTFBThresholds,
    thresholdSource: 'web-vitals',
  },
  TBT: {
    name: 'TBT',
    title: 'Total Blocking Time',
    unit: 'ms',
    thresholds: [200, 600],
    thresholdSource: 'Lighthouse',
  },
};

export const LCP_SUBPART_TITLES: Readonly<Record<LcpSubpart, string>> = {
  timeToFirstByte: 'Time to first byte',
  resourceLoadDelay: 'Resource load delay',
  resourceLoadDuration: 'Resource load duration',
  elementRenderDelay: 'Element render delay',
};

export const INP_SUBPART_TITLES: Readonly<Record<InpSubpart, string>> = {
  inputDelay: 'Input delay',
  processingDuration: 'Processing duration',
  presentationDelay: 'Presentation delay',
};

/** Rates a value the way web-vitals does: good ≤ first threshold < needs improvement ≤ second < poor. */
export function rateMetric(name: MetricName, value: number): Rating {
  const [good, poor] = METRICS[name].thresholds;
  if (value <= good) return 'good';
  if (value <= poor) return 'needs-improvement';
  return 'poor';
}
