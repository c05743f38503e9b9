import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, CDPSession, Page, Protocol } from 'puppeteer-core';
import { describeError } from '../errors/UserError.js';
import { emulateDevice } from './emulateDevice.js';
import type { InteractionProfile, ProfiledInteraction, ScriptSelfTime } from './InteractionProfile.js';
import type { RunPlan } from './Measurer.js';
import type { MeasureRunOptions } from './measureRun.js';
import { performInteractions } from './performInteractions.js';
import { scopeRequests } from './scopeRequests.js';
import { closeContext, type RunWatch, watchRun } from './watchRun.js';

export type ProfileOptions = Pick<
  MeasureRunOptions,
  'profile' | 'throttle' | 'timeoutMs' | 'request' | 'origins' | 'signal'
> & {
  /** Profiler sampling interval in µs (default 200). */
  samplingIntervalUs?: number;
};

const EVENTS_GLOBAL = '__vitalsGateEvents';
const SYNC_FUNCTION = '__vitalsGateClockSync';

/**
 * Collects the page's event-timing entries that belong to an interaction (top frame only). Kept as a
 * string: the bundle's `keepNames` would put `__name()` calls into a serialised function.
 */
export const EVENT_TIMING_SCRIPT = `(function () {
  if (self !== top) return;
  var entries = [];
  Object.defineProperty(self, ${JSON.stringify(EVENTS_GLOBAL)}, { value: entries });
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        if (e.interactionId) entries.push({ id: e.interactionId, name: e.name, startTime: e.startTime, duration: e.duration });
      });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch (e) {}
})();`;

/**
 * Runs a named busy function for 10 ms in the page and returns the page time at which it started. Its first
 * sample in the CPU profile then ties the profile's clock (µs) to the page's `performance.now()` (ms), to
 * within the time before that sample (0.2 ms when the sampler keeps its interval). 3 ms held no sample at
 * all in about 1 run in 12 on a 2-core runner.
 */
const SYNC_SCRIPT = `(function ${SYNC_FUNCTION}() {
  var start = performance.now();
  while (performance.now() < start + 10) {}
  return start;
})()`;

interface EventEntry {
  id: number;
  name: string;
  startTime: number;
  duration: number;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function readEntries(raw: unknown): EventEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const e = (item ?? {}) as Record<string, unknown>;
    return isNumber(e.id) && isNumber(e.startTime) && isNumber(e.duration) && typeof e.name === 'string'
      ? [{ id: e.id, name: e.name.slice(0, 40), startTime: e.startTime, duration: e.duration }]
      : [];
  });
}

/** Interactions from event entries: grouped by interaction id, from the earliest start to the last paint. */
export function interactionWindows(entries: readonly EventEntry[]): Omit<ProfiledInteraction, 'scripts'>[] {
  const byId = new Map<number, EventEntry[]>();
  for (const entry of entries) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  return [...byId.values()]
    .map((group) => {
      const startTime = Math.min(...group.map((e) => e.startTime));
      const end = Math.max(...group.map((e) => e.startTime + e.duration));
      const events = [...new Set(group.map((e) => e.name))];
      const type = events.some((name) => name.startsWith('key')) ? 'keyboard' : 'pointer';
      return { type, events, startTime, duration: end - startTime };
    })
    .sort((a, b) => a.startTime - b.startTime);
}

/** Scripts kept per interaction (most self time first), so results.json stays small on script-heavy pages. */
const MAX_SCRIPTS = 50;

/** Nodes that are not JavaScript of any script: the profiler's own bookkeeping and the browser's work. */
const NOT_SCRIPT = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

/**
 * Self time per script URL within each window. Sample i lasts until sample i + 1 (the profile's end for
 * the last one) and is credited for its overlap with the window; `offsetUs` maps page time to profile time.
 */
export function attributeSelfTime(
  profile: Protocol.Profiler.Profile,
  windows: readonly { startTime: number; duration: number }[],
  offsetUs: number,
): ScriptSelfTime[][] {
  const urlOf = new Map<number, string | undefined>();
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    const ours = frame.url.startsWith('pptr:'); // Puppeteer's own helpers (the forced-frame screenshot)
    const notScript = frame.url === '' && NOT_SCRIPT.has(frame.functionName);
    urlOf.set(node.id, ours || notScript ? undefined : frame.url);
  }
  const times: number[] = [];
  let at = profile.startTime;
  for (const deltaUs of profile.timeDeltas ?? []) {
    at += deltaUs;
    times.push(at);
  }
  const samples = profile.samples ?? [];
  return windows.map((window) => {
    const from = window.startTime * 1000 + offsetUs;
    const to = from + window.duration * 1000;
    const byUrl = new Map<string, number>();
    for (let i = 0; i < samples.length; i++) {
      const start = times[i] as number;
      const end = times[i + 1] ?? profile.endTime;
      const overlapUs = Math.min(end, to) - Math.max(start, from);
      if (overlapUs <= 0) continue;
      const url = urlOf.get(samples[i] as number);
      if (url === undefined) continue;
      byUrl.set(url, (byUrl.get(url) ?? 0) + overlapUs / 1000);
    }
    return [...byUrl.entries()]
      .map(([url, selfMs]) => ({ url: url.slice(0, 1000), selfMs }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, MAX_SCRIPTS);
  });
}

/**
 * The profile time (µs) minus the page time (µs) at the sync function's first sample. A sample counts when
 * it is in the sync function or in what it calls: the loop spends most of its time in `performance.now()`,
 * a node of its own under it, and a short loop may hold no sample of the function's own code.
 */
function clockOffset(profile: Protocol.Profiler.Profile, pageStartMs: number): number | undefined {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const syncNodes = new Set<number>();
  const add = (id: number) => {
    if (syncNodes.has(id)) return;
    syncNodes.add(id);
    for (const child of byId.get(id)?.children ?? []) add(child);
  };
  for (const node of profile.nodes) if (node.callFrame.functionName === SYNC_FUNCTION) add(node.id);
  let at = profile.startTime;
  const samples = profile.samples ?? [];
  for (const [i, deltaUs] of (profile.timeDeltas ?? []).entries()) {
    at += deltaUs;
    if (syncNodes.has(samples[i] as number)) return at - pageStartMs * 1000;
  }
  return undefined;
}

async function prepare(page: Page, cdp: CDPSession, url: string, options: ProfileOptions): Promise<void> {
  await emulateDevice(page, options.profile, options.throttle);
  await page.evaluateOnNewDocument(EVENT_TIMING_SCRIPT);
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  await page.bringToFront();
  await scopeRequests(cdp, {
    request: options.request,
    origins: options.origins,
    ...(options.throttle ? { latencyMs: options.profile.network.latencyMs } : {}),
  });
  await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
}

/**
 * One diagnostic run with the CPU profiler on: load (fresh context, the same emulation and throttling as the
 * measured runs), profile the interaction steps, and credit the JavaScript self time inside each
 * interaction's event-timing window to the script that ran it. Long-animation-frame data names only a
 * task's entry point; this names the code that actually ran (a first-party listener calling a third-party
 * function is the third party's time here). Never throws: failures land in `error`.
 */
export async function profileInteractions(
  browser: Browser,
  url: string,
  plan: RunPlan,
  options: ProfileOptions,
): Promise<InteractionProfile> {
  const started = Date.now();
  const samplingIntervalUs = options.samplingIntervalUs ?? 200;
  const result: InteractionProfile = { url, interactions: [], samplingIntervalUs, wallMs: 0 };
  const deadline = started + options.timeoutMs;
  const context = await browser.createBrowserContext();
  let watch: RunWatch | undefined;
  try {
    const page = await context.newPage();
    // Dialogs dismissed; at the run's timeout (or when cancelled) the context is closed: whatever the page
    // holds up (a frozen main thread) ends.
    watch = watchRun(page, deadline, options.signal);
    const cdp = await page.createCDPSession();
    await prepare(page, cdp, url, options);
    await page
      .waitForNetworkIdle({ idleTime: 500, timeout: Math.max(1, deadline - Date.now()) })
      .catch(() => {
        // A page that never goes quiet is profiled anyway.
      });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
    await cdp.send('Profiler.start');
    const syncStart: unknown = await page.evaluate(SYNC_SCRIPT);
    const outcome = await performInteractions(page, plan.interactions ?? [], new URL(url).pathname);
    result.interactionSteps = outcome.completed;
    if (outcome.error) result.interactionError = outcome.error;
    // Event-timing entries are delivered after the next paint; the steps forced one already.
    await delay(300);
    const entries = readEntries(await page.evaluate(`self.${EVENTS_GLOBAL}`));
    const { profile } = await cdp.send('Profiler.stop');
    const offsetUs = isNumber(syncStart) ? clockOffset(profile, syncStart) : undefined;
    if (offsetUs === undefined) {
      result.error = 'the CPU profile could not be aligned with the page clock';
    } else {
      const windows = interactionWindows(entries);
      const scripts = attributeSelfTime(profile, windows, offsetUs);
      result.interactions = windows.map((window, i) => ({ ...window, scripts: scripts[i] ?? [] }));
      if (windows.length === 0 && !result.interactionError) {
        result.error = 'the browser reported no interaction (event timing) during the steps';
      }
    }
  } catch (error) {
    const facts = watch?.stop();
    result.error = facts?.cancelled
      ? 'cancelled'
      : facts?.expired
        ? `the profiled run did not finish within the timeout (${Math.round(options.timeoutMs / 1000)} s)`
        : describeError(error);
  } finally {
    watch?.stop();
    await closeContext(context);
  }
  result.wallMs = Date.now() - started;
  return result;
}
