import puppeteer, { type Browser } from 'puppeteer-core';
import { findSystemChrome } from '../../src/collect/findSystemChrome.js';
import { chromeFlags, launchChrome } from '../../src/collect/launchChrome.js';
import type { RequestOptions } from '../../src/settings/Settings.js';

/** The machine's Chrome, found the way the product finds it (CHROME_PATH, then well-known places). */
export const systemChrome = (): string => findSystemChrome();

/**
 * The machine's Chrome as an unthrottled desktop measurer, so an injected delay is the only slow part;
 * `request` options apply to `urls`' origins.
 */
export const launchDesktopChrome = (
  request: RequestOptions = { headers: {}, cookies: [], block: [] },
  urls: string[] = [],
) =>
  launchChrome(systemChrome(), { device: 'desktop', throttling: 'none', timeoutMs: 30_000, urls, request });

/** The machine's Chrome as a bare puppeteer Browser with the product's flags, for tests that drive runs directly. */
export const launchBareChrome = (): Promise<Browser> =>
  puppeteer.launch({
    executablePath: systemChrome(),
    headless: true,
    args: chromeFlags(process.getuid?.() === 0),
  });
