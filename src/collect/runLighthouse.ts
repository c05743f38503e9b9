import lighthouse, { type Flags } from 'lighthouse';
import type { BrowserContext } from 'puppeteer-core';
import { describeError } from '../errors/UserError.js';
import type { Device } from '../settings/Settings.js';
import { lighthouseConfig } from './lighthouseConfig.js';
import type { LighthouseOutcome } from './Measurer.js';
import type { PagePool, PageSetup } from './PagePool.js';
import { type ScopeRequestsOptions, scopeRequests } from './scopeRequests.js';
import { CLOSE_GRACE_MS } from './watchRun.js';
import { CancelledError, withDeadline } from './withDeadline.js';

/**
 * What Lighthouse may take beyond the page's own load timeout: its after-load quiet windows, gatherers and
 * audits (3–5 s in all on a 2-core runner for a quick page), with room for a slow runner.
 */
export const LIGHTHOUSE_MARGIN_MS = 30_000;

/**
 * Lighthouse's settings besides the page's timeout and blocked URLs. With its default simulated throttling
 * the page loads unthrottled and Lantern computes the metrics from that load; Lighthouse then waits 1 s
 * after FCP and load, for 1 s of network quiet and for 1 s of CPU quiet (its observed-throttling modes use
 * 5.25 s). Here the network and CPU quiet windows are 500 ms and the pauses after FCP and load 0, which
 * still waits at least 1 s after load; no full-page screenshot (the HTML report loses its element
 * thumbnails); no bf-cache audit. Together 2.4–2.9 s less per URL on the example pages, with the same score, LCP, FCP and
 * Speed Index and TBT within its own run-to-run spread (docs/benchmarks.md).
 */
export const LIGHTHOUSE_FLAGS = {
  output: 'html',
  logLevel: 'error',
  onlyCategories: ['performance'],
  pauseAfterFcpMs: 0,
  pauseAfterLoadMs: 0,
  networkQuietThresholdMs: 500,
  cpuQuietThresholdMs: 500,
  disableFullPageScreenshot: true,
  // A diagnostic of weight 0 about back/forward navigations, not the load measured here; its gatherer
  // navigates away and back (0.3 s).
  skipAudits: ['bf-cache'],
  // The page is new, blank and in a fresh context (empty cache and storage): Lighthouse's trip to
  // about:blank and its storage and cache reset would only cost time.
  skipAboutBlank: true,
  disableStorageReset: true,
} satisfies Flags;

/**
 * The set-up of Lighthouse's pages: headers and cookies through our own session (Lighthouse's extraHeaders
 * would go to every host); blocking through Lighthouse's setting, which it applies itself.
 */
export function lighthousePageSetup(scope: Omit<ScopeRequestsOptions, 'traceparent'>): PageSetup {
  return (_page, cdp) => scopeRequests(cdp, { ...scope, request: { ...scope.request, block: [] } });
}

/**
 * One Lighthouse navigation (performance category only) on a fresh page of the already running Chrome
 * (from `pages`: a fresh context, set up with `lighthousePageSetup`), with Lighthouse's own preset for the
 * device and its default simulated throttling. Gives TBT, the performance score and the HTML report; never
 * throws. Bounded: after `timeoutMs + LIGHTHOUSE_MARGIN_MS` (or when `signal` aborts) its browser context is
 * closed and the step fails.
 */
export async function runLighthouse(
  pages: PagePool,
  url: string,
  device: Device,
  timeoutMs: number,
  block: readonly string[],
  signal?: AbortSignal,
): Promise<LighthouseOutcome> {
  const boundMs = timeoutMs + LIGHTHOUSE_MARGIN_MS;
  const deadline = Date.now() + boundMs;
  let context: BrowserContext | undefined;
  const navigate = async (): Promise<LighthouseOutcome> => {
    const { page } = await pages.takeLighthouse();
    context = page.browserContext();
    const result = await lighthouse(
      url,
      {
        ...LIGHTHOUSE_FLAGS,
        maxWaitForLoad: timeoutMs,
        maxWaitForFcp: timeoutMs,
        blockedUrlPatterns: [...block],
      },
      lighthouseConfig(device),
      page as never,
    );
    if (!result) return { summary: { error: 'Lighthouse returned no result' } };
    const { lhr } = result;
    const score = lhr.categories.performance?.score;
    const tbt = lhr.audits['total-blocking-time']?.numericValue;
    const html = Array.isArray(result.report) ? result.report[0] : result.report;
    return {
      summary: {
        lighthouseVersion: lhr.lighthouseVersion,
        ...(typeof score === 'number' ? { performanceScore: Math.round(score * 100) } : {}),
        ...(typeof tbt === 'number' ? { tbt } : {}),
        ...(lhr.runtimeError ? { error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` } : {}),
      },
      html,
    };
  };
  try {
    return await withDeadline(navigate(), deadline, 'Lighthouse', signal);
  } catch (error) {
    if (error instanceof CancelledError) return { summary: { error: 'cancelled' } };
    if (Date.now() >= deadline)
      return {
        summary: {
          error: `did not finish within ${Math.round(boundMs / 1000)} s (the page's timeout + ${LIGHTHOUSE_MARGIN_MS / 1000} s); stopped`,
        },
      };
    return { summary: { error: describeError(error) } };
  } finally {
    // Within the bound's grace: a context Chrome cannot close by then closes in the background.
    if (context)
      await withDeadline(context.close(), Date.now() + CLOSE_GRACE_MS, 'closing Lighthouse').catch(
        () => undefined,
      );
  }
}
