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

/** Watches every request of the page (all frames, redirects as one request each hop) from now on. */
export function watchRequests(page: Page): RequestWatch {
  const inFlight = new Set<HTTPRequest>();
  let lastActivityAt = Date.now();
  const started = (request: HTTPRequest) => {
    lastActivityAt = Date.now();
    if (!LONG_LIVED.has(request.resourceType())) inFlight.add(request);
  };
  const ended = (request: HTTPRequest) => {
    lastActivityAt = Date.now();
    inFlight.delete(request);
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
