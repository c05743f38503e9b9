import type { BrowserContext, CDPSession, Page } from 'puppeteer-core';
import { withDeadline } from './withDeadline.js';

/** How often the page's main thread is asked for a sign of life once the document answered. */
const HEARTBEAT_MS = 1000;
/** How long closing a browser context may take before it is given up on (Chrome closes it later). */
export const CLOSE_BOUND_MS = 5000;
/** How long past its deadline a run may take to close its page. */
export const CLOSE_GRACE_MS = 1000;

/** What the page did during a run, as the browser saw it, for `classifyRun`. */
export interface RunFacts {
  /** The document's response arrived (`loading`), then its load event completed (`loaded`). */
  phase: 'waiting' | 'loading' | 'loaded';
  /** The run's deadline passed before it finished. */
  expired: boolean;
  cancelled: boolean;
  /** Set when the main thread did not answer at the end: for how long it had not, at the deadline (ms). */
  blockedForMs?: number;
  /** The document request's network error (e.g. `net::ERR_CONTENT_LENGTH_MISMATCH`). */
  documentFailed?: string;
  /** The main frame's committed http(s) URLs, in order: the first is where the load ended. */
  commits: string[];
  /** The document's redirect chain, first the URL asked for, when it redirected. */
  redirects?: string[];
  dialogs: string[];
}

export interface RunWatch {
  /** Stops the timers; the facts are final. */
  stop(): RunFacts;
}

/**
 * Watches one run's page (in its own browser context): dismisses dialogs, follows the document request
 * and the main frame, asks the main thread for a sign of life every second once the document answered,
 * and when the run's deadline passes (or `signal` aborts) closes the page's browser context, which makes
 * every pending call of the run fail at once instead of waiting for the DevTools protocol timeout.
 */
export function watchRun(page: Page, deadline: number, signal?: AbortSignal): RunWatch {
  const facts: RunFacts = { phase: 'waiting', expired: false, cancelled: false, commits: [], dialogs: [] };
  let session: Promise<CDPSession> | undefined;
  let lastAnswer = Date.now();
  let pending = false;
  const heartbeat = setInterval(() => {
    if (facts.phase === 'waiting' || pending) return;
    pending = true;
    session ??= page.createCDPSession();
    session
      .then((cdp) => cdp.send('Runtime.evaluate', { expression: '0' }))
      .catch(() => undefined) // an error answer is a sign of life too
      .then(() => {
        pending = false;
        lastAnswer = Date.now();
      });
  }, HEARTBEAT_MS);
  const end = (why: 'expired' | 'cancelled') => {
    if (facts.expired || facts.cancelled) return;
    facts[why] = true;
    if (facts.phase !== 'waiting' && pending && Date.now() - lastAnswer > HEARTBEAT_MS)
      facts.blockedForMs = Date.now() - lastAnswer;
    void closeContext(page.browserContext());
  };
  const timer = setTimeout(() => end('expired'), Math.max(0, deadline - Date.now()));
  const onAbort = () => end('cancelled');
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();
  page.on('dialog', (dialog) => {
    facts.dialogs.push(`${dialog.type()}: ${JSON.stringify(dialog.message().slice(0, 200))}`);
    dialog.dismiss().catch(() => undefined);
  });
  page.on('response', (response) => {
    const request = response.request();
    if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
    if (facts.phase === 'waiting') facts.phase = 'loading';
    lastAnswer = Date.now();
    // The final document's response (not a redirect's) carries the whole chain.
    const chain = request.redirectChain();
    const isRedirect = response.status() >= 300 && response.status() < 400;
    if (chain.length > 0 && !isRedirect && !facts.redirects)
      facts.redirects = [...chain.map((hop) => hop.url()), response.url()];
  });
  page.on('requestfailed', (request) => {
    if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
    const errorText = request.failure()?.errorText;
    // ERR_ABORTED: the request was replaced (a new navigation) or dropped when the run ended.
    if (errorText && errorText !== 'net::ERR_ABORTED' && !facts.documentFailed)
      facts.documentFailed = errorText;
  });
  page.on('load', () => {
    facts.phase = 'loaded';
    lastAnswer = Date.now();
  });
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame() || !/^https?:/.test(frame.url())) return;
    if (facts.commits.at(-1) !== frame.url()) facts.commits.push(frame.url());
  });
  return {
    stop() {
      clearTimeout(timer);
      clearInterval(heartbeat);
      signal?.removeEventListener('abort', onAbort);
      return facts;
    },
  };
}

/** Closes a run's browser context, giving up after `CLOSE_BOUND_MS` (Chrome then disposes of it later). */
export async function closeContext(context: BrowserContext): Promise<void> {
  await withDeadline(context.close(), Date.now() + CLOSE_BOUND_MS, 'closing the page').catch(() => undefined);
}
