import type { HTTPRequest, Page } from 'puppeteer-core';

/** The page's requests in flight, and when the network last changed. */
export interface RequestWatch {
  inFlight(): number;
  /** `Date.now()` of the last request started, finished or failed (the watch's start before any). */
  lastActivityAt(): number;
  stop(): void;
}

/** Streams that stay open by design and would otherwise keep a page unsettled until the deadline. */
const LONG_LIVED = new Set(['eventsource', 'websocket']);

/**
 * Requests that cannot change what a run measures and are not waited for: long-lived streams, and the
 * favicon Chrome fetches by itself after load (with the mobile profile's 562 ms request latency it kept
 * every throttled run going that much longer).
 */
function ignored(request: HTTPRequest): boolean {
  if (LONG_LIVED.has(request.resourceType())) return true;
  try {
    return new URL(request.url()).pathname === '/favicon.ico';
  } catch {
    return false;
  }
}

/** Watches every request of the page (all frames, redirects as one request each hop) from now on. */
export function watchRequests(page: Page): RequestWatch {
  const inFlight = new Set<HTTPRequest>();
  let lastActivityAt = Date.now();
  const started = (request: HTTPRequest) => {
    if (ignored(request)) return;
    lastActivityAt = Date.now();
    inFlight.add(request);
  };
  const ended = (request: HTTPRequest) => {
    if (!inFlight.delete(request)) return;
    lastActivityAt = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    inFlight: () => inFlight.size,
    lastActivityAt: () => lastActivityAt,
    stop: () => {
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
    },
  };
}
