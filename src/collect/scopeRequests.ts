import type { CDPSession } from 'puppeteer-core';
import type { RequestOptions } from '../settings/Settings.js';

export interface ScopeRequestsOptions {
  request: RequestOptions;
  /** The origins that get the extra headers and cookies: those of the measured URLs. */
  origins: readonly string[];
  /** A `traceparent` for the main frame's document requests to `origin` (measured runs only). */
  traceparent?: { value: string; origin: string; mainFrameId: string };
  /**
   * The profile's request latency: every request the page's target sends is held this long before it goes
   * out, so the latency lands before the first byte (TTFB, LCP load delay/duration) as on a real network.
   */
  latencyMs?: number;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Applies the request options to one page through its CDP session: blocked URL patterns; the cookies,
 * HttpOnly and host-only, for the measured origins; the extra headers on requests to those origins only
 * (CDP Fetch, never `setExtraHTTPHeaders`, which sends them to every host); the traceparent on the run's
 * own document requests; the profile's request latency before every request is sent (one Fetch handler does
 * both). A paused request to any other origin is continued with the extra headers and
 * traceparent removed, so a redirect away from the preview cannot carry them along.
 */
export async function scopeRequests(cdp: CDPSession, options: ScopeRequestsOptions): Promise<void> {
  const { request, origins, traceparent } = options;
  const latencyMs = options.latencyMs ?? 0;
  if (request.block.length) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setBlockedURLs', { urls: [...request.block] });
  }
  if (request.cookies.length) {
    await cdp.send('Network.setCookies', {
      cookies: origins.flatMap((origin) =>
        request.cookies.map((cookie) => ({
          ...cookie,
          url: `${origin}/`,
          httpOnly: true,
          secure: origin.startsWith('https:'),
        })),
      ),
    });
  }
  const extra = Object.entries(request.headers);
  if (!extra.length && !traceparent && latencyMs <= 0) return;
  const ours = new Set([...extra.map(([name]) => name.toLowerCase()), 'traceparent']);
  cdp.on('Fetch.requestPaused', (event) => {
    const origin = originOf(event.request.url);
    const own = origin !== undefined && origins.includes(origin);
    const headers = Object.entries(event.request.headers)
      .filter(([name]) => !ours.has(name.toLowerCase()))
      .map(([name, value]) => ({ name, value }));
    if (own) headers.push(...extra.map(([name, value]) => ({ name, value })));
    if (
      traceparent &&
      event.resourceType === 'Document' &&
      event.frameId === traceparent.mainFrameId &&
      origin === traceparent.origin
    ) {
      headers.push({ name: 'traceparent', value: traceparent.value });
    }
    const proceed = () =>
      cdp.send('Fetch.continueRequest', { requestId: event.requestId, headers }).catch(() => {
        // The request may be gone already (navigation aborted); nothing to continue.
      });
    if (latencyMs > 0) setTimeout(proceed, latencyMs);
    else void proceed();
  });
  // Documents of any origin are paused (the traceparent, and redirects away from the preview); with extra
  // headers, every request to a measured origin too; with latency, every request.
  await cdp.send('Fetch.enable', {
    patterns:
      latencyMs > 0
        ? [{ urlPattern: '*', requestStage: 'Request' }]
        : [
            { urlPattern: '*', resourceType: 'Document', requestStage: 'Request' },
            ...(extra.length
              ? origins.map((origin) => ({ urlPattern: `${origin}/*`, requestStage: 'Request' as const }))
              : []),
          ],
  });
}
