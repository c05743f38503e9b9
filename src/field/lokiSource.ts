import { WEB_VITALS } from '../metrics/metricDefinitions.js';
import type { FieldPage, FieldSnapshot } from './FieldData.js';
import { type HttpDeps, httpJson } from './httpJson.js';
import { normalizePage, routeOf } from './matchFieldPage.js';
import { vectorOf } from './prometheusSource.js';

export interface LokiOptions {
  baseUrl: string;
  /** Stream selector of Faro's measurement lines (default `{kind="measurement"}`). */
  selector?: string;
  /** Range of `quantile_over_time` (default `7d`). */
  window?: string;
  /** Label with the page URL after `logfmt` (default `page_url`). */
  pageLabel?: string;
  routes?: readonly string[];
  keepQuery?: boolean;
}

/** The LogQL p75 of one web-vitals metric per page over Grafana Faro's measurement lines. */
export function lokiQuery(metric: string, options: LokiOptions): string {
  const field = `value_${metric.toLowerCase()}`;
  const selector = options.selector ?? '{kind="measurement"}';
  const pageLabel = options.pageLabel ?? 'page_url';
  return `quantile_over_time(0.75, ${selector} | logfmt | type="web-vitals" | ${field}!="" | unwrap ${field} | __error__="" [${options.window ?? '7d'}]) by (${pageLabel})`;
}

/**
 * Field data from Loki over Grafana Faro's web-vitals measurements (values in ms as web-vitals reports
 * them). Page URLs are normalised to paths (query strings dropped unless `keepQuery`) and mapped to routes;
 * when several page URLs fall on one path or route, the highest p75 stands for it (a conservative choice:
 * LogQL gives no counts to merge quantiles with).
 */
export async function fetchLoki(
  options: LokiOptions,
  now: Date,
  http: Pick<HttpDeps, 'fetch'>,
): Promise<FieldSnapshot> {
  const what = `Loki ${options.baseUrl}`;
  const pages: Record<string, FieldPage> = {};
  for (const metric of WEB_VITALS) {
    const url = `${options.baseUrl.replace(/\/+$/, '')}/loki/api/v1/query?${new URLSearchParams({
      query: lokiQuery(metric, options),
      time: String(now.getTime() * 1e6),
    })}`;
    for (const sample of vectorOf(what, await httpJson(http.fetch, what, url))) {
      const pageUrl = sample.metric[options.pageLabel ?? 'page_url'];
      const p75 = Number(sample.value[1]);
      if (!pageUrl || !Number.isFinite(p75)) continue;
      const key = routeOf(normalizePage(pageUrl, options.keepQuery), options.routes ?? []);
      const page = pages[key] ?? { metrics: {} };
      const previous = page.metrics[metric]?.p75 ?? Number.NEGATIVE_INFINITY;
      if (p75 > previous) page.metrics[metric] = { p75 };
      pages[key] = page;
    }
  }
  return {
    source: 'loki',
    description: `Loki ${options.baseUrl} (Grafana Faro)`,
    period: { window: options.window ?? '7d', to: now.toISOString() },
    collectedAt: now.toISOString(),
    pages,
  };
}
