import { WEB_VITALS } from '../metrics/metricDefinitions.js';
import type { FieldMetric, FieldPage, FieldSnapshot } from './FieldData.js';
import { FieldError } from './FieldError.js';
import { type Bucket, histogramQuantile } from './histogramQuantile.js';
import { type HttpDeps, httpJson } from './httpJson.js';
import { normalizePage, routeOf } from './matchFieldPage.js';

export interface PrometheusOptions {
  baseUrl: string;
  /** Histogram name without `_bucket` (default `web_vitals_seconds`). */
  metric?: string;
  /** Label holding the web-vitals metric name (default `metric`). */
  metricLabel?: string;
  /** Label holding the page (default `page`). */
  pageLabel?: string;
  /** Range of the `increase()` (default `7d`). */
  window?: string;
  /** Extra label matchers, e.g. `app="shop"`. */
  matchers?: string;
  routes?: readonly string[];
  keepQuery?: boolean;
}

interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

/** Parses a Prometheus-shaped `/api/v1/query` answer (Prometheus and Loki) into its vector samples. */
export function vectorOf(what: string, answer: { status: number; body: unknown }): VectorSample[] {
  const body = answer.body as
    | {
        status?: string;
        errorType?: string;
        error?: string;
        data?: { resultType?: string; result?: VectorSample[] };
      }
    | undefined;
  if (!body || typeof body !== 'object')
    throw new FieldError(`${what} answered HTTP ${answer.status} without JSON`);
  if (body.status !== 'success') {
    throw new FieldError(
      `${what} failed (HTTP ${answer.status}, ${body.errorType ?? 'error'}): ${body.error ?? 'no message'}`,
    );
  }
  if (body.data?.resultType !== 'vector' || !Array.isArray(body.data.result)) {
    const type = typeof body.data?.resultType === 'string' ? body.data.resultType : 'missing';
    throw new FieldError(
      `${what} answered a ${type} result; expected {"status": "success", "data": {"resultType": "vector", "result": […]}}`,
    );
  }
  const result: unknown[] = body.data.result;
  for (const [index, sample] of result.entries()) {
    const { metric, value } = (sample ?? {}) as { metric?: unknown; value?: unknown };
    const labelsOk =
      typeof metric === 'object' &&
      metric !== null &&
      Object.values(metric).every((label) => typeof label === 'string');
    if (!labelsOk || !Array.isArray(value) || value.length !== 2) {
      throw new FieldError(
        `${what} answered a vector of the wrong shape at data.result[${index}]; expected {"metric": {"label": "value", …}, "value": [time, "number"]}`,
      );
    }
  }
  return result as VectorSample[];
}

/** The web-vitals metric a label value names (`LCP`, `lcp`), if any. */
export function fieldMetricOf(value: string | undefined): FieldMetric | undefined {
  const upper = value?.toUpperCase();
  return WEB_VITALS.find((metric) => metric === upper);
}

/** The PromQL that returns every bucket's increase per page and metric over the window. */
export function prometheusQuery(options: PrometheusOptions): string {
  const metric = options.metric ?? 'web_vitals_seconds';
  const matchers = options.matchers ? `{${options.matchers}}` : '';
  const by = ['le', options.pageLabel ?? 'page', options.metricLabel ?? 'metric'].join(', ');
  return `sum by (${by}) (increase(${metric}_bucket${matchers}[${options.window ?? '7d'}]))`;
}

/**
 * Field data from a Prometheus histogram of web-vitals values in seconds (the RUM article's
 * `web_vitals_seconds{metric, page}`). Bucket increases are summed per page, or per route pattern when
 * pages belong to one, and p75 is interpolated as `histogram_quantile` does; seconds become ms (CLS stays).
 */
export async function fetchPrometheus(
  options: PrometheusOptions,
  now: Date,
  http: Pick<HttpDeps, 'fetch'>,
): Promise<FieldSnapshot> {
  const what = `Prometheus ${options.baseUrl}`;
  const query = prometheusQuery(options);
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/v1/query?${new URLSearchParams({
    query,
    time: String(now.getTime() / 1000),
  })}`;
  const samples = vectorOf(what, await httpJson(http.fetch, what, url));
  const buckets = new Map<string, Map<FieldMetric, Map<number, number>>>();
  for (const sample of samples) {
    const metric = fieldMetricOf(sample.metric[options.metricLabel ?? 'metric']);
    const page = sample.metric[options.pageLabel ?? 'page'];
    const le = Number(sample.metric.le === '+Inf' ? Number.POSITIVE_INFINITY : sample.metric.le);
    const count = Number(sample.value[1]);
    if (!metric || !page || Number.isNaN(le) || !Number.isFinite(count)) continue;
    const key = routeOf(normalizePage(page, options.keepQuery), options.routes ?? []);
    const perMetric = buckets.get(key) ?? new Map<FieldMetric, Map<number, number>>();
    const perLe = perMetric.get(metric) ?? new Map<number, number>();
    perLe.set(le, (perLe.get(le) ?? 0) + count);
    perMetric.set(metric, perLe);
    buckets.set(key, perMetric);
  }
  const pages: Record<string, FieldPage> = {};
  for (const [key, perMetric] of buckets) {
    const page: FieldPage = { metrics: {} };
    for (const [metric, perLe] of perMetric) {
      const list: Bucket[] = [...perLe.entries()].map(([le, count]) => ({ le, count }));
      const p75 = histogramQuantile(0.75, list);
      if (p75 === undefined || Number.isNaN(p75)) continue;
      const samplesCount = perLe.get(Number.POSITIVE_INFINITY) ?? 0;
      page.metrics[metric] = { p75: metric === 'CLS' ? p75 : p75 * 1000, samples: Math.round(samplesCount) };
    }
    if (Object.keys(page.metrics).length) pages[key] = page;
  }
  return {
    source: 'prometheus',
    description: `Prometheus ${options.baseUrl}, ${options.metric ?? 'web_vitals_seconds'}`,
    period: { window: options.window ?? '7d', to: now.toISOString() },
    collectedAt: now.toISOString(),
    pages,
  };
}
