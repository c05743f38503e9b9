import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { describeError } from '../errors/UserError.js';
import { INP_SUBPARTS, LCP_SUBPARTS, TTFB_SUBPARTS } from '../metrics/metricDefinitions.js';
import type { RequestOptions } from '../settings/Settings.js';
import { checkLcp, type LcpCheck, unreportedCandidate } from './checkLcp.js';
import { classifyRun } from './classifyRun.js';
import type { DeviceProfile } from './deviceProfiles.js';
import { emulateDevice } from './emulateDevice.js';
import { REPORT_BINDING } from './inPageScript.js';
import type { RunPlan } from './Measurer.js';
import { type Ahead, freshPages, type PagePool, type PageSetup } from './PagePool.js';
import { performInteractions } from './performInteractions.js';
import type { RunMeasurement, RunTimings, ScriptTiming, ShiftSource } from './RunMeasurement.js';
import { recordNetwork } from './recordNetwork.js';
import { scopeRequests } from './scopeRequests.js';
import { settleScript } from './settleScript.js';
import { newTraceparent } from './traceparent.js';
import { waitForSettled } from './waitForSettled.js';
import { watchRequests } from './watchRequests.js';
import { CLOSE_GRACE_MS, watchRun } from './watchRun.js';
import { withDeadline } from './withDeadline.js';

export interface MeasureRunOptions {
  profile: DeviceProfile;
  throttle: boolean;
  timeoutMs: number;
  /** The in-page script (web-vitals + reporting), from `inPageScript()`. */
  script: string;
  /** How long a settled page must stay quiet before the run ends (see `waitForSettled`). */
  quietMs?: number;
  /** Where run pages come from (default: a fresh context per page, nothing prepared in advance). */
  pages?: PagePool;
  /** The pages the next steps need: the pool opens them while this run's context closes (default: a run's). */
  ahead?: Ahead;
  /** Extra headers, cookies and blocked patterns; headers and cookies go to `origins` only. */
  request: RequestOptions;
  /** The origins of the measured URLs (not the baseline's, unless they are the same). */
  origins: readonly string[];
  /** Load the page again when Chrome's LCP record misses a loaded image (default true). */
  retryLcpAnomaly?: boolean;
  /** Reads the browser's own LCP record (default: `checkLcp`); tests pass their own. */
  checkLcp?: (page: Page) => Promise<LcpCheck | undefined>;
  /** Aborts the run at once (SIGTERM, SIGINT): it ends as a cancelled run. */
  signal?: AbortSignal;
}

/** A metric report as the in-page script sends it. */
interface Report {
  name: string;
  value: number;
  attribution: Record<string, unknown>;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Uses the options' profile, throttle and script only: pages are set up with it before their run (setupFor).
async function prepare(page: Page, cdp: CDPSession, options: MeasureRunOptions): Promise<void> {
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: REPORT_BINDING });
  await emulateDevice(page, options.profile, options.throttle);
  await page.evaluateOnNewDocument(options.script);
  // A page that is not the focused foreground tab can be hidden, and web-vitals drops what follows.
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  await page.bringToFront();
}

/**
 * The page set-up of runs with these options, the same function for the same profile, throttling and
 * script, so that a pool can tell a page prepared in advance is right for the next run.
 */
const setups = new WeakMap<DeviceProfile, Map<string, PageSetup>>();
function setupFor(options: MeasureRunOptions): PageSetup {
  const byProfile = setups.get(options.profile) ?? new Map<string, PageSetup>();
  setups.set(options.profile, byProfile);
  const key = `${options.throttle}\n${options.script}`;
  let setup = byProfile.get(key);
  if (!setup) {
    setup = async (page, cdp) => {
      await prepare(page, cdp, options);
      await page.evaluateOnNewDocument(settleScript());
    };
    byProfile.set(key, setup);
  }
  return setup;
}

/** Waits until no new report has arrived for `quietMs` (LCP and CLS may still change after load). */
async function waitForQuiet(lastReportAt: () => number, quietMs: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const quietFor = Date.now() - lastReportAt();
    if (quietFor >= quietMs) return;
    await delay(Math.min(quietMs - quietFor, Math.max(0, deadline - Date.now())) + 5);
  }
}

/** The named numbers of a serialised record, 0 where absent (web-vitals reports 0 for empty subparts). */
function pickNumbers<K extends string>(names: readonly K[], source: unknown): Record<K, number> {
  const record = (source ?? {}) as Record<string, unknown>;
  const picked = {} as Record<K, number>;
  for (const name of names) {
    const value = record[name];
    picked[name] = typeof value === 'number' ? value : 0;
  }
  return picked;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function targetSource(value: unknown): { interactionTargetSource?: 'event' | 'invoker' } {
  return value === 'event' || value === 'invoker' ? { interactionTargetSource: value } : {};
}

/** Turns the last report of each metric into the typed run measurement. */
function toMeasurement(base: RunMeasurement, reports: Map<string, Report>): RunMeasurement {
  const measurement: RunMeasurement = { ...base };
  const lcp = reports.get('LCP');
  if (lcp) {
    const a = lcp.attribution;
    measurement.lcp = {
      value: lcp.value,
      attribution: {
        target: optionalString(a.target),
        url: optionalString(a.url),
        resourceType: optionalString(a.resourceType),
        subparts: pickNumbers(LCP_SUBPARTS, a.subparts),
      },
    };
  }
  const cls = reports.get('CLS');
  if (cls) {
    const a = cls.attribution;
    measurement.cls = {
      value: cls.value,
      attribution: {
        largestShiftTarget: optionalString(a.largestShiftTarget),
        largestShiftValue: optionalNumber(a.largestShiftValue),
        largestShiftTime: optionalNumber(a.largestShiftTime),
        sources: Array.isArray(a.sources) ? (a.sources as ShiftSource[]) : [],
      },
    };
  }
  const inp = reports.get('INP');
  if (inp) {
    const a = inp.attribution;
    measurement.inp = {
      value: inp.value,
      attribution: {
        interactionTarget: optionalString(a.interactionTarget),
        ...targetSource(a.interactionTargetSource),
        interactionType: optionalString(a.interactionType),
        loadState: optionalString(a.loadState),
        subparts: pickNumbers(INP_SUBPARTS, a.subparts),
        scripts: Array.isArray(a.scripts) ? (a.scripts as ScriptTiming[]) : [],
      },
    };
  }
  const fcp = reports.get('FCP');
  if (fcp) {
    measurement.fcp = {
      value: fcp.value,
      timeToFirstByte: optionalNumber(fcp.attribution.timeToFirstByte),
      firstByteToFCP: optionalNumber(fcp.attribution.firstByteToFCP),
    };
  }
  const ttfb = reports.get('TTFB');
  if (ttfb) {
    const entries = Array.isArray(ttfb.attribution.serverTiming) ? ttfb.attribution.serverTiming : [];
    measurement.ttfb = {
      value: ttfb.value,
      attribution: {
        subparts: pickNumbers(TTFB_SUBPARTS, ttfb.attribution.subparts),
        serverTiming: entries.map((entry: Record<string, unknown>) => ({
          name: optionalString(entry.name) ?? '',
          duration: optionalNumber(entry.duration) ?? 0,
          description: optionalString(entry.description) ?? '',
        })),
      },
    };
  }
  return measurement;
}

/**
 * One run: a page load in a fresh browser context (cold cache, no cookies) with device emulation and
 * throttling, web-vitals injected before any page script, load, then until the page has settled
 * (`waitForSettled`). When Chrome's own LCP record misses a loaded image, the page is loaded once more (unless
 * `retryLcpAnomaly` is false) and the second load is the run; `lcpAnomaly` says whether that happened.
 */
export async function measureRun(
  browser: Browser,
  url: string,
  index: number,
  options: MeasureRunOptions,
  plan: RunPlan = {},
): Promise<{ run: RunMeasurement; lcpAnomaly?: 'once' | 'twice' }> {
  // One deadline for the whole run, a second load included: no run takes longer than `timeoutMs`.
  const deadline = Date.now() + options.timeoutMs;
  const first = await measureOnce(browser, url, index, options, plan, deadline);
  if (!first.anomaly) return { run: first.run };
  // Kept as measured, and said so on the run: the page's anomaly was seen twice before (not retried any
  // more), or too little of the run's time is left for a fair second load.
  if (options.retryLcpAnomaly === false || deadline - Date.now() < options.timeoutMs / 2)
    return { run: { ...first.run, lcpAnomaly: first.anomaly } };
  // Measured again once: seen as a rare glitch of Chrome's under load, not the page's doing.
  const second = await measureOnce(browser, url, index, options, plan, deadline);
  // Twice in a row is more likely the page's own behaviour (e.g. an image revealed later): kept as measured.
  const run: RunMeasurement = {
    ...second.run,
    remeasured: first.anomaly,
    ...(second.anomaly ? { lcpAnomaly: second.anomaly } : {}),
  };
  return { run, lcpAnomaly: second.anomaly ? 'twice' : 'once' };
}

/** One page load; `anomaly` says why its LCP should not be trusted, when the browser's record disagrees. */
async function measureOnce(
  browser: Browser,
  url: string,
  index: number,
  options: MeasureRunOptions,
  plan: RunPlan,
  deadline: number,
): Promise<{ run: RunMeasurement; anomaly?: string }> {
  let anomaly: string | undefined;
  // Not a reason to load the page again (a starved page stays starved), but said on the run.
  let unchecked: string | undefined;
  const started = Date.now();
  const reports = new Map<string, Report>();
  let lastReportAt = started;
  const traceparent = newTraceparent();
  const base: RunMeasurement = {
    index,
    url,
    startedAt: new Date(started).toISOString(),
    wallMs: 0,
    traceparent,
  };
  const timings: RunTimings = {
    context: 0,
    navigation: 0,
    waits: 0,
    quiet: 0,
    interactions: 0,
    collection: 0,
    closing: 0,
  };
  let lapStart = started;
  const lap = () => {
    const now = Date.now();
    const ms = now - lapStart;
    lapStart = now;
    return ms;
  };
  const pages = options.pages ?? freshPages(browser);
  // Emulation and injected scripts do not depend on the URL: a pool does them ahead of the run.
  const { page, cdp } = await withDeadline(pages.take(setupFor(options)), deadline, 'opening a page');
  const requests = watchRequests(page);
  // Dialogs dismissed, the document followed; at the deadline the page's context is closed, ending every call.
  const watch = watchRun(page, deadline, options.signal);
  try {
    cdp.on('Runtime.bindingCalled', (event) => {
      if (event.name !== REPORT_BINDING) return;
      try {
        const report = JSON.parse(event.payload) as Report;
        reports.set(report.name, report);
        lastReportAt = Date.now();
      } catch {
        // A page could call the binding itself; ignore what is not ours.
      }
    });
    await page.bringToFront(); // again: a page prepared in advance may have been behind Lighthouse's
    base.network = await recordNetwork(cdp); // fills in as the run goes
    const { frameTree } = await cdp.send('Page.getFrameTree');
    await scopeRequests(cdp, {
      request: options.request,
      origins: options.origins,
      traceparent: { value: traceparent, origin: new URL(url).origin, mainFrameId: frameTree.frame.id },
      ...(options.throttle ? { latencyMs: options.profile.network.latencyMs } : {}),
    });
    timings.context = lap();
    // The watch ends the run at the deadline (and says why); this timeout is only a backstop.
    const response = await page.goto(url, { waitUntil: 'load', timeout: deadline - Date.now() + 1000 });
    timings.navigation = lap();
    const status = response?.status();
    if (status !== undefined) base.status = status;
    if (status !== undefined && status >= 400) {
      base.error = `the page answered HTTP ${status}`;
      reports.clear(); // an error page's metrics say nothing about the page under test
    } else {
      // Settled, not a fixed wait: the quiet window counts from the last request, LCP candidate, shift,
      // long frame or report, so a late image's report (seen after network idle on a starved runner) is kept.
      const settled = await waitForSettled(cdp, requests, () => lastReportAt, {
        deadline,
        ...(options.quietMs ? { quietMs: options.quietMs } : {}),
      });
      timings.waits += lap();
      timings.quiet += settled.quietMs;
      const unreported = (check: LcpCheck | undefined) => {
        const lcp = reports.get('LCP');
        const size = lcp?.attribution.size;
        return unreportedCandidate(
          check,
          lcp && { value: lcp.value, ...(typeof size === 'number' ? { size } : {}) },
        );
      };
      const readRecord = options.checkLcp ?? checkLcp;
      let check = await readRecord(page);
      timings.collection += lap();
      if (unreported(check) !== undefined) {
        // Give web-vitals a moment to report the candidate the forced frames may have produced.
        lastReportAt = Date.now();
        await waitForQuiet(() => lastReportAt, 500, Date.now() + 3000);
        timings.waits += lap();
        check = await readRecord(page);
        timings.collection += lap();
        const still = unreported(check);
        if (still !== undefined) {
          base.error = `the browser's last LCP candidate (${Math.round(still)} ms) was not reported by web-vitals (last report: ${Math.round(reports.get('LCP')?.value ?? 0)} ms), so this run's LCP is not used`;
          base.failure = { by: 'tool', kind: 'lcp-unreported' };
          reports.delete('LCP');
        }
      }
      if (check?.timedOut && reports.has('LCP') && !base.error) {
        unchecked = `the browser's own LCP record could not be read within 2 s (a starved or frozen main thread), so web-vitals' LCP is kept unchecked`;
      }
      if (check?.missedImage && reports.has('LCP') && !base.error) {
        anomaly = `Chrome recorded no LCP candidate for a loaded image larger than the reported LCP element (${check.missedImage.src})`;
      }
      if (!reports.has('LCP') && !base.error) {
        base.error = 'no LCP was reported (is anything painted?)';
        base.failure = { by: 'page', kind: 'nothing-painted' };
      }
      if (plan.interactions?.length) {
        const outcome = await performInteractions(page, plan.interactions, new URL(url).pathname);
        base.interactionSteps = outcome.completed;
        if (outcome.error) base.interactionError = outcome.error;
        timings.interactions = lap();
        // INP is reported when the browser is idle after the interaction; what the handlers started
        // (requests, timers, shifts) is waited for like after load.
        lastReportAt = Date.now();
        const settledAfter = await waitForSettled(cdp, requests, () => lastReportAt, {
          deadline: Math.min(Date.now() + 10_000, deadline),
          ...(options.quietMs ? { quietMs: options.quietMs } : {}),
        });
        timings.waits += lap();
        timings.quiet += settledAfter.quietMs;
      }
    }
    const hidden = reports.get('HIDDEN');
    if (hidden) {
      base.error = `the page was hidden during the run (at ${Math.round(hidden.value)} ms): web-vitals ignores what follows, so its LCP, CLS and INP are not used`;
      for (const name of ['LCP', 'CLS', 'INP']) reports.delete(name);
      base.failure = { by: 'tool', kind: 'hidden' };
    }
  } catch (error) {
    base.error = describeError(error);
  } finally {
    requests.stop();
    // Closing may use what is left of the run's time, and at least a second more (a page the deadline
    // stopped); a context Chrome cannot close by then is left to close in the background.
    const closeBy = Math.max(deadline, Date.now() + CLOSE_GRACE_MS);
    timings.collection += lap();
    await withDeadline(pages.release(page, options.ahead), closeBy, 'closing the page').catch(
      () => undefined,
    );
    timings.closing = lap();
    timings.collection += timings.closing;
  }
  base.wallMs = Date.now() - started;
  base.timings = timings;
  const facts = watch.stop();
  const verdict = classifyRun(base, facts, options.timeoutMs);
  delete base.error;
  delete base.failure;
  if (verdict.error) Object.assign(base, { error: verdict.error, failure: verdict.failure });
  if (verdict.dropMetrics) reports.clear();
  if (facts.dialogs.length) base.dialogs = facts.dialogs;
  if (facts.redirects) base.redirects = facts.redirects;
  const run = toMeasurement(base, reports);
  if (unchecked && run.lcp) run.lcpAnomaly = unchecked;
  return { run, ...(anomaly ? { anomaly } : {}) };
}
