import { type HttpDeps, httpJson } from '../field/httpJson.js';
import type { LokiOptions } from '../field/lokiSource.js';
import { normalizePage } from '../field/matchFieldPage.js';
import { vectorOf } from '../field/prometheusSource.js';

/** The LogQL count of Faro's LCP measurements (one per page view) per page over the window. */
export function lokiTrafficQuery(options: Omit<LokiOptions, 'baseUrl'>): string {
  const selector = options.selector ?? '{kind="measurement"}';
  const pageLabel = options.pageLabel ?? 'page_url';
  return `sum by (${pageLabel}) (count_over_time(${selector} | logfmt | type="web-vitals" | value_lcp!="" [${options.window ?? '7d'}]))`;
}

/**
 * Page views per page path from Loki: Faro writes one web-vitals line with `value_lcp` per page view, so
 * the count of those lines is the traffic (LogQL's quantiles carry no counts). Page URLs are normalised
 * to paths (queries dropped unless `keepQuery`) and summed.
 */
export async function lokiTraffic(
  options: LokiOptions,
  now: Date,
  http: Pick<HttpDeps, 'fetch'>,
): Promise<Map<string, number>> {
  const what = `Loki ${options.baseUrl}`;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/loki/api/v1/query?${new URLSearchParams({
    query: lokiTrafficQuery(options),
    time: String(now.getTime() * 1e6),
  })}`;
  const views = new Map<string, number>();
  for (const sample of vectorOf(what, await httpJson(http.fetch, what, url))) {
    const page = sample.metric[options.pageLabel ?? 'page_url'];
    const count = Number(sample.value[1]);
    if (!page || !Number.isFinite(count)) continue;
    const path = normalizePage(page, options.keepQuery);
    views.set(path, (views.get(path) ?? 0) + count);
  }
  return views;
}
