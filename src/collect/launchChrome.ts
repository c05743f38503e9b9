import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Settings } from '../settings/Settings.js';
import { DEVICE_PROFILES } from './deviceProfiles.js';
import { inPageScript } from './inPageScript.js';
import type { Measurer } from './Measurer.js';
import { measureRun } from './measureRun.js';
import { createPagePool } from './PagePool.js';
import { profileInteractions } from './profileInteractions.js';
import { lighthousePageSetup, runLighthouse } from './runLighthouse.js';
import { CLOSE_BOUND_MS } from './watchRun.js';
import { webVitalsSource } from './webVitalsSource.js';
import { withDeadline } from './withDeadline.js';

/**
 * Flags for a quiet, reproducible headless Chrome: no background traffic of Chrome's own (it fails on
 * closed networks and adds noise), no QUIC, no first-run UI. `--no-sandbox` only when running as root,
 * where Chrome refuses to start otherwise.
 */
export function chromeFlags(isRoot: boolean): string[] {
  return [
    '--headless=new',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-dev-shm-usage',
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}

/**
 * Launches one Chrome for the whole job (fresh profile) and returns a Measurer backed by it. When `signal`
 * aborts (SIGTERM, SIGINT), the run or Lighthouse navigation under way ends at once.
 */
export async function launchChrome(
  chromePath: string,
  settings: Pick<Settings, 'device' | 'throttling' | 'timeoutMs' | 'request' | 'urls'>,
  signal?: AbortSignal,
): Promise<Measurer> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'vitals-gate-chrome-'));
  const browser = await puppeteer.launch({
    executablePath: chromePath,
    headless: true,
    userDataDir,
    args: chromeFlags(process.getuid?.() === 0),
    protocolTimeout: Math.max(180_000, settings.timeoutMs * 2),
    // SIGINT/SIGTERM are the gate's to handle (it stops, writes what it measured, then closes Chrome);
    // puppeteer's own handler would exit the process at once on SIGINT, losing the results.
    handleSIGINT: false,
    handleSIGTERM: false,
  });
  const script = inPageScript(webVitalsSource());
  const profile = DEVICE_PROFILES[settings.device];
  // Pages for Lighthouse get its request scope only; blocking is Lighthouse's own setting.
  const scope = {
    request: settings.request,
    origins: [...new Set(settings.urls.map((u) => new URL(u).origin))],
  };
  // The next steps' pages open while the last run's context closes.
  const pages = createPagePool(browser, lighthousePageSetup(scope));
  // Pages whose LCP record missed a loaded image on two loads in a row: the page's doing, not worth a retry.
  const pageKeepsLcpAnomaly = new Set<string>();
  return {
    browserVersion: await browser.version(),
    measure: async (url, index, plan, ahead) => {
      const { run, lcpAnomaly } = await measureRun(
        browser,
        url,
        index,
        {
          profile,
          throttle: settings.throttling === 'device',
          timeoutMs: settings.timeoutMs,
          script,
          ...scope,
          retryLcpAnomaly: !pageKeepsLcpAnomaly.has(url),
          pages,
          ...(ahead ? { ahead } : {}),
          ...(signal ? { signal } : {}),
        },
        plan,
      );
      if (lcpAnomaly === 'twice') pageKeepsLcpAnomaly.add(url);
      return run;
    },
    profileInteractions: (url, plan) =>
      profileInteractions(browser, url, plan, {
        profile,
        throttle: settings.throttling === 'device',
        timeoutMs: settings.timeoutMs,
        ...scope,
        ...(signal ? { signal } : {}),
      }),
    lighthouse: (url) =>
      runLighthouse(pages, url, settings.device, settings.timeoutMs, settings.request.block, signal),
    close: async () => {
      // Bounded: a Chrome that does not close in time (a renderer stuck on a frozen page) is killed.
      const within = (work: Promise<unknown>) =>
        withDeadline(work, Date.now() + CLOSE_BOUND_MS, 'closing Chrome').catch(() => undefined);
      await within(pages.close());
      await within(browser.close());
      browser.process()?.kill('SIGKILL');
      await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
