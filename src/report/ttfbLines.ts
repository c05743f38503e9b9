import { TTFB_SUBPARTS, type TtfbSubpart } from '../metrics/metricDefinitions.js';
import type { UrlResult } from '../results/GateResults.js';
import { untrustedCode, untrustedText } from './escapeMarkdown.js';
import { formatValue } from './formatValue.js';

/**
 * The document request's phases as Chrome DevTools' Network › Timing tab names them. web-vitals'
 * `waitingDuration` is the time before the request (redirects, unload), not the server's wait: the server
 * (its Server-Timing) is inside `requestDuration`, DevTools' "Waiting for server response".
 */
const TTFB_SUBPART_TITLES: Record<TtfbSubpart, string> = {
  waitingDuration: 'redirects and queueing',
  cacheDuration: 'service worker and cache',
  dnsDuration: 'DNS lookup',
  connectionDuration: 'initial connection',
  requestDuration: 'request sent and waiting for server response',
};

/**
 * `**TTFB 128 ms** (median); by phase, each its own median: request sent and waiting for server response
 * 120 ms · initial connection 5 ms · …`, largest first. Separate medians need not add up to the TTFB median.
 */
export function ttfbLine(result: UrlResult): string[] {
  const ttfb = result.aggregate.metrics.TTFB;
  if (!ttfb) return [];
  const parts = TTFB_SUBPARTS.flatMap((name) => {
    const median = result.aggregate.subparts.TTFB[name]?.median;
    return median !== undefined && median >= 0.5 ? [[name, median] as const] : [];
  })
    .sort((a, b) => b[1] - a[1])
    .map(([name, median]) => `${TTFB_SUBPART_TITLES[name]} ${formatValue('TTFB', median)}`);
  return parts.length
    ? [
        `**TTFB ${formatValue('TTFB', ttfb.median)}** (median); by phase, as DevTools names them, each its own median over the runs: ${parts.join(' · ')}`,
        '',
      ]
    : [];
}

export function serverTimingLine(result: UrlResult): string[] {
  const lastRun = [...result.runs].reverse().find((run) => run.ttfb);
  const entries = lastRun?.ttfb?.attribution.serverTiming ?? [];
  if (entries.length === 0) return [];
  const items = entries.slice(0, 10).map((entry) => {
    const description = entry.description ? ` ${untrustedText(entry.description)}` : '';
    return `${untrustedCode(entry.name, { inTable: false })} ${formatValue('TTFB', entry.duration)}${description}`;
  });
  return [`**Server-Timing** (run ${(lastRun?.index ?? 0) + 1}): ${items.join(' · ')}`, ''];
}

/** Links to the backend traces of each run's document request, from the `trace-url` template. */
export function traceLinks(result: UrlResult, template: string | undefined): string[] {
  if (!template) return [];
  const links = result.runs.flatMap((run) => {
    const traceId = run.traceparent?.split('-')[1];
    if (!traceId) return [];
    return [
      `[run ${run.index + 1}](${template.replaceAll('{traceId}', traceId).replace(/[()\s]/g, encodeURIComponent)})`,
    ];
  });
  return links.length ? [`**Backend traces** of the document requests (TTFB): ${links.join(' · ')}`, ''] : [];
}
