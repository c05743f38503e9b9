import type { LcpSubpart, WebVitalName } from '../metrics/metricDefinitions.js';

/** A metric production RUM gives a p75 for: the web-vitals metrics (`WEB_VITALS`; TBT is lab-only). */
export type FieldMetric = WebVitalName;

export type FieldSourceName = 'file' | 'crux' | 'prometheus' | 'loki';

/** One metric's 75th percentile in production (ms; CLS unitless). */
export interface FieldValue {
  p75: number;
  /** Number of page views behind it, when the source tells. */
  samples?: number;
}

/** Production percentiles of one page (a path, or a route pattern such as `/product/*`). */
export interface FieldPage {
  metrics: Partial<Record<FieldMetric, FieldValue>>;
  /** p75 of each LCP subpart, where the source has them (CrUX). */
  lcpSubparts?: Partial<Record<LcpSubpart, number>>;
  /** `origin` when the source had no data for the URL and the origin's percentiles stand in (CrUX). */
  scope?: 'page' | 'origin';
}

/** "The last production percentiles": what every source produces and what `vitals-gate rum` writes. */
export interface FieldSnapshot {
  source: FieldSourceName;
  /** Human description, e.g. `CrUX API, PHONE` or `Prometheus http://prom:9090, last 7d`. */
  description: string;
  /** The collection period: CrUX's dates, or the query window ending at `collectedAt`. */
  period: { from?: string; to?: string; window?: string };
  /** The device class of the data (`phone`, `desktop`, or `all`). */
  formFactor?: 'phone' | 'desktop' | 'all';
  collectedAt: string;
  /** Keyed by path or route pattern. */
  pages: Record<string, FieldPage>;
}

/** The field data for one measured URL, or why there is none. */
export type FieldMatch =
  | { status: 'found'; key: string; page: FieldPage }
  | { status: 'missing'; reason: string };
