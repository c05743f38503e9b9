import type { CDPSession, Protocol } from 'puppeteer-core';

/** Resource types as Lighthouse's resource summary counts them. */
export const RESOURCE_TYPES = [
  'document',
  'script',
  'stylesheet',
  'image',
  'font',
  'media',
  'other',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** One request of a run as it went over the network (each redirect hop is a request of its own). */
export interface NetworkRequest {
  /** The requested URL (from the page: untrusted). */
  url: string;
  type: ResourceType;
  /** Bytes received on the wire, headers included, compressed as sent (CDP `encodedDataLength`). */
  transferBytes: number;
  /** Bytes of the decoded body (sum of CDP `dataReceived` lengths); 0 for a redirect hop. */
  resourceBytes: number;
  status?: number;
  /** Set on a redirect hop (a 3xx whose target is the next request). */
  redirect?: true;
  /** Set when the request failed (counted, with what arrived so far). */
  failed?: true;
}

/** The network log of one run: every http(s) request that finished or failed, in order of completion. */
export interface NetworkLog {
  requests: NetworkRequest[];
}

const TYPES: Readonly<Record<string, ResourceType>> = {
  Document: 'document',
  Script: 'script',
  Stylesheet: 'stylesheet',
  Image: 'image',
  Font: 'font',
  Media: 'media',
};

/** Lighthouse's mapping of DevTools resource types: the six it names, everything else (XHR, fetch …) `other`. */
export function resourceTypeOf(cdpType: string | undefined): ResourceType {
  return (cdpType && TYPES[cdpType]) || 'other';
}

/** Counted as Lighthouse counts: http(s) only (no data:, blob:, chrome:), and no favicon. */
function counted(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.pathname !== '/favicon.ico'
    );
  } catch {
    return false;
  }
}

interface Pending {
  url: string;
  type: ResourceType;
  resourceBytes: number;
  status?: number;
}

/**
 * Records the run's requests from CDP Network events on the page's session: each request's wire bytes
 * from `loadingFinished` (or, for a redirect hop, from the `redirectResponse` of the next hop), decoded
 * bytes from `dataReceived`, the type from `requestWillBeSent`/`responseReceived`. Requests blocked by the
 * `block` input never left the browser and are not counted. The returned log fills in as the run goes.
 */
export async function recordNetwork(cdp: CDPSession): Promise<NetworkLog> {
  const log: NetworkLog = { requests: [] };
  const pending = new Map<string, Pending>();
  const finish = (entry: Pending, transferBytes: number, extra: Partial<NetworkRequest> = {}) => {
    if (!counted(entry.url)) return;
    log.requests.push({
      url: entry.url,
      type: entry.type,
      transferBytes: Math.max(0, transferBytes),
      resourceBytes: entry.resourceBytes,
      ...(entry.status !== undefined ? { status: entry.status } : {}),
      ...extra,
    });
  };
  cdp.on('Network.requestWillBeSent', (event: Protocol.Network.RequestWillBeSentEvent) => {
    const previous = pending.get(event.requestId);
    if (previous && event.redirectResponse) {
      previous.status = event.redirectResponse.status;
      finish(previous, event.redirectResponse.encodedDataLength, { redirect: true, resourceBytes: 0 });
    }
    pending.set(event.requestId, {
      url: event.request.url,
      type: resourceTypeOf(event.type),
      resourceBytes: 0,
    });
  });
  cdp.on('Network.responseReceived', (event: Protocol.Network.ResponseReceivedEvent) => {
    const entry = pending.get(event.requestId);
    if (!entry) return;
    entry.type = resourceTypeOf(event.type);
    entry.status = event.response.status;
  });
  cdp.on('Network.dataReceived', (event: Protocol.Network.DataReceivedEvent) => {
    const entry = pending.get(event.requestId);
    if (entry) entry.resourceBytes += event.dataLength;
  });
  cdp.on('Network.loadingFinished', (event: Protocol.Network.LoadingFinishedEvent) => {
    const entry = pending.get(event.requestId);
    if (!entry) return;
    pending.delete(event.requestId);
    finish(entry, event.encodedDataLength);
  });
  cdp.on('Network.loadingFailed', (event: Protocol.Network.LoadingFailedEvent) => {
    const entry = pending.get(event.requestId);
    if (!entry) return;
    pending.delete(event.requestId);
    if (event.blockedReason) return;
    finish(entry, 0, { failed: true });
  });
  await cdp.send('Network.enable');
  return log;
}
