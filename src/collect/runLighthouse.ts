import lighthouse, { desktopConfig } from 'lighthouse';
import type { Browser } from 'puppeteer-core';
import { describeError } from '../errors/UserError.js';
import type { Device } from '../settings/Settings.js';
import type { LighthouseOutcome } from './Measurer.js';
import { type ScopeRequestsOptions, scopeRequests } from './scopeRequests.js';

/**
 * One Lighthouse navigation (performance category only) on a fresh page of the already running Chrome,
 * with Lighthouse's own preset for the device and its default simulated throttling. Gives TBT, the
 * performance score and the HTML report; never throws.
 */
export async function runLighthouse(
  browser: Browser,
  url: string,
  device: Device,
  timeoutMs: number,
  scope: Omit<ScopeRequestsOptions, 'traceparent'>,
): Promise<LighthouseOutcome> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    // Headers and cookies through our own session (Lighthouse's extraHeaders would go to every host);
    // blocking through Lighthouse's setting, which it applies itself.
    await scopeRequests(await page.createCDPSession(), {
      ...scope,
      request: { ...scope.request, block: [] },
    });
    const result = await lighthouse(
      url,
      {
        output: 'html',
        logLevel: 'error',
        onlyCategories: ['performance'],
        maxWaitForLoad: timeoutMs,
        blockedUrlPatterns: [...scope.request.block],
      },
      device === 'desktop' ? desktopConfig : undefined,
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
  } catch (error) {
    return { summary: { error: describeError(error) } };
  } finally {
    await context.close().catch(() => undefined);
  }
}
